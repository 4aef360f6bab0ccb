"use client";

import { useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { readStorageReport, requestPersistentStorage, type StorageReport } from "@/lib/pwa/storage";

/** "Storage on this device": used / quota and whether the browser keeps it when space runs low. */
export function StorageStatus() {
  const t = useTranslations("pwa.storage");
  const format = useFormatter();
  const [report, setReport] = useState<StorageReport | null>(null);
  const [denied, setDenied] = useState(false);

  useEffect(() => {
    let live = true;
    // Opening settings is one of the moments to ask (once per device); then show what holds.
    requestPersistentStorage()
      .catch(() => null)
      .then(() => readStorageReport())
      .then((r) => live && setReport(r))
      .catch(() => live && setReport({ usage: null, quota: null, persisted: null }));
    return () => {
      live = false;
    };
  }, []);

  async function ask() {
    const granted = await requestPersistentStorage({ force: true }).catch(() => false);
    setDenied(!granted);
    setReport(await readStorageReport());
  }

  const bytes = (n: number) =>
    n >= 1024 ** 3
      ? format.number(n / 1024 ** 3, { style: "unit", unit: "gigabyte", maximumFractionDigits: 1 })
      : format.number(n / 1024 ** 2, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });

  if (!report) return <p aria-busy="true" />;
  return (
    <div>
      {report.usage !== null && report.quota !== null ? (
        <p data-testid="storage-usage">{t("used", { used: bytes(report.usage), quota: bytes(report.quota) })}</p>
      ) : (
        <p>{t("unknown")}</p>
      )}
      {report.persisted !== null && (
        <dl>
          <dt>{t("persistent")}</dt>
          <dd data-testid="storage-persistent">{report.persisted ? t("yes") : t("no")}</dd>
        </dl>
      )}
      <p className="muted">{t("hint")}</p>
      {report.persisted === false && (
        <button type="button" className="secondary" onClick={ask}>
          {t("request")}
        </button>
      )}
      <p role="status">{denied ? t("denied") : ""}</p>
    </div>
  );
}
