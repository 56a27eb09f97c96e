import { expect, test } from "@playwright/test";
import { createUser } from "../fixtures";
import { Api, anonymous, prime, read, tokenFor, unique } from "../page-cache-helpers";

// Two web processes, one database (started by e2e/smoke/run.ts, Debian's PostgreSQL): each process
// keeps no cache state of its own, so a write through one shows on the other's very next anonymous
// request, even though both had the page cached.

const WEB1 = process.env.SMOKE_WEB1!;
const WEB2 = process.env.SMOKE_WEB2!;

test("a write through web 1 shows on web 2's next request, and the other way round", async () => {
  const owner = await createUser("smoke-cache");
  const one = await anonymous(WEB1);
  const two = await anonymous(WEB2);
  const api1 = new Api(one, await tokenFor(owner.id));
  const api2 = new Api(two, await tokenFor(owner.id));
  const title = unique("Two processes");
  const id = await api1.publish(title);

  for (const client of [one, two]) {
    expect((await prime(client, `/a/${id}`)).text).toContain(title);
    expect((await prime(client, `/u/${owner.handle}`)).text).toContain(title);
  }
  const renamed = unique("Renamed on web 1");
  await api1.call("PATCH", `/artifacts/${id}`, { title: renamed });
  const next = await read(two, `/a/${id}`);
  expect(next.cache).toBe("miss");
  expect(next.text).toContain(renamed);
  expect((await read(two, `/u/${owner.handle}`)).text).toContain(renamed);

  await prime(one, `/a/${id}`);
  await api2.call("PATCH", `/artifacts/${id}`, { visibility: "private" });
  expect((await read(one, `/a/${id}`)).status).toBe(404);
  expect((await read(one, `/u/${owner.handle}`)).text).not.toContain(renamed);
  await one.dispose();
  await two.dispose();
});
