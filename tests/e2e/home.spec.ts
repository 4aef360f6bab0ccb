import { daysAgo, expect, shiftLocal, test } from "./fixtures/test";

test("a parent logs every kind of entry from home, and the summary, edit, delete and undo follow", async ({
  page,
  auth,
  home,
  logForm,
  user,
}) => {
  test.setTimeout(150_000);
  await auth.signUp(user);
  await home.addChild({ name: "Mia", birthDate: daysAgo(30), sex: "Girl" });
  await expect(home.since("feed")).toContainText("Not logged yet");
  await expect(home.since("diaper")).toContainText("Not logged yet");
  await expect(home.nextUp()).toHaveCount(0);

  // Breastfeed through the shared timer: left, switch to right, pause, resume, stop.
  await home.startBreastfeed("left");
  const breast = home.timer("Breastfeed");
  // The pressed button is gone: keyboard and screen-reader focus moves to the running timer.
  await expect(breast).toBeFocused();
  await expect(breast).toContainText("Left side");
  await expect(breast).toContainText(/Started .* by you/);
  await breast.getByRole("button", { name: "Switch to Right" }).click();
  await expect(breast).toContainText("Right side");
  await breast.getByRole("button", { name: "Pause" }).click();
  await expect(breast).toContainText("Paused");
  await breast.getByRole("button", { name: "Resume" }).click();
  await expect(breast).toContainText("Right side");
  await home.stopTimer("Breastfeed");
  await expect(home.toast()).toContainText("Breastfeed saved");
  await expect(home.entry("Breastfeed")).toContainText("last: Right");
  await expect(home.since("feed")).toContainText("Last side: Right");
  await expect(home.since("feed")).not.toContainText("Not logged yet");
  // Next time the other side is suggested.
  await expect(home.card("Breastfeed").getByRole("button", { name: "Start breastfeed on the left side" })).toContainText("suggested");
  await expect(home.card("Breastfeed")).toContainText("Last time ended on the Right side.");

  // Bottle: the stepper starts at a usual amount; two taps on + make it 110 ml.
  const amount = home.card("Bottle").getByLabel("Bottle (ml)");
  await expect(amount).toHaveValue("90");
  await home.card("Bottle").getByRole("button", { name: "10 ml more" }).click();
  await home.card("Bottle").getByRole("button", { name: "10 ml more" }).click();
  await expect(amount).toHaveValue("110");
  await home.logBottle(null, "Formula");
  await expect(home.toast()).toContainText("Bottle saved · 110 ml formula");
  await expect(home.entry("Bottle")).toContainText("110 ml formula");

  // Diaper in one tap, and a mistaken one undone.
  await home.logDiaper("Both");
  await expect(home.toast()).toContainText("Diaper saved · Wet + dirty");
  await expect(home.entry("Diaper")).toContainText("Wet + dirty");
  await home.logDiaper("Dry");
  await expect(home.toast()).toContainText("Diaper saved · Dry");
  await expect(home.entry("Diaper")).toHaveCount(2);
  await home.undo();
  await expect(home.entry("Diaper")).toHaveCount(1);
  await expect(home.since("diaper")).not.toContainText("Not logged yet");

  // Sleep: start, then wake up.
  await home.card("Sleep").getByRole("button", { name: "Start sleep" }).click();
  await expect(home.timer("Sleep")).toBeVisible();
  await expect(home.since("sleep")).toContainText("Asleep for");
  await home.stopTimer("Sleep");
  await expect(home.entry("Sleep")).toHaveCount(1);
  await expect(home.since("sleep")).toContainText("Awake for");

  // Tummy time with its timer, from "More kinds of entry".
  await (await home.more()).getByRole("button", { name: "Start tummy time" }).click();
  await home.stopTimer("Tummy time");
  await expect(home.entry("Tummy time")).toHaveCount(1);

  // The rest through their forms.
  await home.openLog("Pumping");
  await logForm.field(/^Left side/).fill("60");
  await logForm.field(/^Right side/).fill("50");
  await logForm.save();
  await expect(home.entry("Pumping")).toContainText("Left 60 ml · Right 50 ml");

  await home.openLog("Solids");
  await logForm.field("Foods").fill("banana, oats");
  await logForm.select(/^Reaction/, "Liked it");
  await logForm.check("Peanut");
  await logForm.save();
  await expect(home.entry("Solids")).toContainText("banana, oats · allergens: peanut");

  await home.openLog("Growth");
  await logForm.field(/^Weight/).fill("4.2");
  // Back-dated: weighed at the clinic two hours ago.
  const now = await logForm.field("Time").inputValue();
  await logForm.field("Time").fill(shiftLocal(now, -120));
  await logForm.save();
  await expect(home.entry("Growth")).toContainText("4.2 kg");

  await home.openLog("Medicine");
  await logForm.field("Medicine").fill("Vitamin D");
  await logForm.field("Dose").fill("1");
  await logForm.select("Dose unit", "drops");
  await logForm.save();
  await expect(home.entry("Medicine")).toContainText("Vitamin D 1 drops");
  // The same medicine again is one tap under "More kinds of entry" (undone here: given once).
  await (await home.more()).getByRole("button", { name: "Again: Vitamin D 1 drops" }).click();
  await expect(home.toast()).toContainText("Medicine saved · Vitamin D 1 drops");
  await expect(home.entry("Medicine")).toHaveCount(2);
  await home.undo();
  await expect(home.entry("Medicine")).toHaveCount(1);

  await home.openLog("Temperature");
  await logForm.field("Temperature (°C)").fill("37.2");
  await logForm.save();
  await expect(home.entry("Temperature")).toContainText("37.2 °C");

  await home.openLog("Note");
  await logForm.field("Note").fill("First smile!");
  await logForm.save();
  await expect(home.entry("Note")).toContainText("First smile!");

  await expect(home.entries()).toHaveCount(11);
  await expect(home.total("feeds")).toContainText("2");
  await expect(home.total("feeds")).toContainText("110 ml from bottles");
  await expect(home.total("diapers")).toContainText("1 wet · 1 dirty");
  await expect(home.total("sleep")).toContainText("1 sleep");
  await expect(home.total("pumped")).toContainText("110 ml");
  await expect(home.total("solids")).toContainText("1");

  // Edit the bottle: 110 → 130 ml.
  await home.editEntry("Bottle");
  await expect(logForm.field("Amount (ml)")).toHaveValue("110");
  await logForm.field("Amount (ml)").fill("130");
  await logForm.saveChanges();
  await expect(page).toHaveURL(/\/en\?child=/);
  await expect(home.entry("Bottle")).toContainText("130 ml formula");
  await expect(home.total("feeds")).toContainText("130 ml from bottles");

  // Delete it, then undo.
  await home.deleteEntry("Bottle");
  await expect(home.toast()).toContainText("Bottle deleted.");
  await expect(home.total("feeds")).not.toContainText("from bottles");
  await home.undo();
  await expect(home.entry("Bottle")).toContainText("130 ml formula");
  await page.reload();
  await expect(home.entry("Bottle")).toContainText("130 ml formula");
  await expect(home.entries()).toHaveCount(11);
  // With a few days of rhythm the home suggests what is next, one tap each.
  await expect(home.nextUp().getByRole("button")).not.toHaveCount(0);
});
