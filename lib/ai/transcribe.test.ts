import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { sniffAudio, transcribeAudio, wavDurationSeconds } from "./transcribe";

function wavHeader(seconds: number): Uint8Array<ArrayBuffer> {
  const v = new DataView(new ArrayBuffer(44));
  const put = (o: number, s: string) => [...s].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
  put(0, "RIFF");
  put(8, "WAVE");
  put(12, "fmt ");
  v.setUint32(16, 16, true);
  v.setUint32(28, 32_000, true);
  put(36, "data");
  v.setUint32(40, seconds * 32_000, true);
  return new Uint8Array(v.buffer);
}

describe("audio checks", () => {
  it("recognises audio containers by their first bytes, and nothing else", () => {
    expect(sniffAudio(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe("webm");
    expect(sniffAudio(new TextEncoder().encode("OggS\0\0\0\0\0\0\0\0"))).toBe("ogg");
    expect(sniffAudio(new TextEncoder().encode("\0\0\0\x20ftypM4A \0\0"))).toBe("mp4");
    expect(sniffAudio(new TextEncoder().encode("ID3\x04\0\0\0\0\0\0\0\0"))).toBe("mp3");
    expect(sniffAudio(wavHeader(1))).toBe("wav");
    expect(sniffAudio(new TextEncoder().encode("%PDF-1.7 not audio"))).toBeNull();
    expect(sniffAudio(new TextEncoder().encode("hello world, plain text"))).toBeNull();
  });

  it("reads a WAV's duration from its header", () => {
    expect(wavDurationSeconds(wavHeader(90))).toBe(0); // header only: the bytes present count
    const full = new Uint8Array(44 + 64_000);
    full.set(wavHeader(2));
    expect(wavDurationSeconds(full)).toBe(2);
  });

  it("posts the recording to an OpenAI-compatible Whisper server and returns its text", async () => {
    let seen = "";
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        seen = `${req.url} ${req.headers.authorization} ${body.includes('name="model"') && body.includes("whisper-1")}`;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ text: " bottle 120 ml at 3 pm " }));
      });
    }).listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/audio/transcriptions`;
    try {
      const text = await transcribeAudio({ target: { url, apiKey: "k", model: "whisper-1" }, file: new File([wavHeader(1)], "a.wav") });
      expect(text).toBe("bottle 120 ml at 3 pm");
      expect(seen).toBe("/v1/audio/transcriptions Bearer k true");
      await expect(
        transcribeAudio({ target: { url: "http://127.0.0.1:1/x", apiKey: undefined, model: "m" }, file: new File(["x"], "a") }),
      ).rejects.toThrow(/unavailable:transcription_failed/);
    } finally {
      server.close();
    }
  });
});
