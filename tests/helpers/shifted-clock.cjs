// Preloaded (NODE_OPTIONS=--require) into a second test server to run it at another time:
// Date reads the real clock plus TEST_CLOCK_OFFSET_MS. Used to see an invite expire without
// waiting or writing to the database.
const offset = Number(process.env.TEST_CLOCK_OFFSET_MS || 0);
if (offset) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
