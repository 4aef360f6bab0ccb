import { randomUUID } from "node:crypto";
import { devices } from "@playwright/test";
import { daysAgo, expect, test } from "./fixtures/test";
import { AuthPages } from "./pages/auth-pages";
import { HomePage } from "./pages/home-page";

test("a timer started on one phone is stopped on another, and becomes one entry both see", async ({
  browser,
  page,
  request,
  auth,
  home,
  user,
}) => {
  test.setTimeout(120_000);
  // Alex's phone misses the live updates (its WebSocket answers nothing), so it still shows the
  // timer after Sam stops it: the stale stop below must not make a second entry.
  await page.routeWebSocket(/./, () => {});
  // Alex, the parent, signs up and adds the child in the browser.
  await auth.signUp(user);
  await home.addChild({ name: "Noa", birthDate: daysAgo(12), sex: "Girl" });

  // Sam joins Alex's family as a caregiver through the REST API: Alex invites, Sam accepts.
  const ip = { "x-forwarded-for": `10.202.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
  const issued = await request.post("/api/v1/auth/token", {
    headers: ip,
    data: { email: user.email, password: user.password, label: "e2e" },
  });
  expect(issued.ok()).toBeTruthy();
  const alex = { ...ip, authorization: `Bearer ${(await issued.json()).token}` };
  const me = await (await request.get("/api/v1/me", { headers: alex })).json();
  const family = me.families[0];
  const invite = await request.post(`/api/v1/families/${family.id}/invites`, { headers: alex, data: { role: "caregiver" } });
  expect(invite.ok()).toBeTruthy();
  const { code } = await invite.json();
  const sam = { name: "Sam", email: `sam-${randomUUID().slice(0, 8)}@example.test`, password: "night-feed-42" };
  const registered = await request.post("/api/v1/auth/register", { headers: ip, data: sam });
  expect(registered.ok()).toBeTruthy();
  const samHeaders = { ...ip, authorization: `Bearer ${(await registered.json()).token}` };
  expect((await request.post(`/api/v1/invites/${code}/accept`, { headers: samHeaders })).ok()).toBeTruthy();

  // Sam's phone: a second browser context with its own session.
  const baseURL = test.info().project.use.baseURL;
  const samContext = await browser.newContext({
    ...devices["Pixel 7"],
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": `10.203.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
  });
  const samPage = await samContext.newPage();
  const samAuth = new AuthPages(samPage);
  const samHome = new HomePage(samPage);
  await samAuth.gotoSignIn();
  await samAuth.signIn(sam.email, sam.password);
  await samHome.goto();
  await expect(samPage.getByRole("heading", { level: 1, name: "Noa" })).toBeVisible();
  await expect(samHome.timer("Breastfeed")).toHaveCount(0);

  // Alex starts a breastfeed on the right.
  await home.startBreastfeed("right");
  await expect(home.timer("Breastfeed")).toContainText("Right side");

  // Sam's phone shows it after a reload, with who started it, and stops it there.
  await samPage.reload();
  const onSam = samHome.timer("Breastfeed");
  await expect(onSam).toContainText("Right side");
  await expect(onSam).toContainText(`by ${user.name}`);
  await samHome.stopTimer("Breastfeed");
  await expect(samHome.toast()).toContainText("Breastfeed saved");
  await expect(samHome.entry("Breastfeed")).toHaveCount(1);
  await expect(samHome.entry("Breastfeed")).toContainText("by you");

  // Alex's page still shows the timer; stopping it there too makes no second entry.
  await home.timer("Breastfeed").getByRole("button", { name: /^Stop/ }).click();
  await expect(home.timer("Breastfeed")).toHaveCount(0);
  await page.reload();
  await expect(home.timer("Breastfeed")).toHaveCount(0);
  await expect(home.entries()).toHaveCount(1);
  await expect(home.entry("Breastfeed")).toContainText("last: Right");
  await expect(home.entry("Breastfeed")).toContainText("by Sam");

  await samPage.reload();
  await expect(samHome.entries()).toHaveCount(1);
  // Through the API as well: one breastfeed entry, with the side it ended on.
  const children = await (await request.get(`/api/v1/children?familyId=${family.id}`, { headers: alex })).json();
  const childId = children.items[0].id;
  const listed = await (await request.get(`/api/v1/activities?childId=${childId}`, { headers: alex })).json();
  expect(listed.items).toHaveLength(1);
  expect(listed.items[0].details).toMatchObject({ method: "breast", lastSide: "right" });
  await samContext.close();
});
