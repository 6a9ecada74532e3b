/**
 * One pass of `work` at a time: a call while a pass runs asks for one more pass after it (with
 * `tick` false), however many calls came meanwhile; a failing pass is logged and the next call
 * tries again. The background loops use it so a wake-up is never lost and never doubled.
 */
export function serialPasses(label: string, work: (tick: boolean) => Promise<void>): (tick: boolean) => Promise<void> {
  let busy = false;
  let again = false;
  const pass = async (tick: boolean): Promise<void> => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      await work(tick);
    } catch (error) {
      console.error(`[cashdesk] ${label} failed:`, error);
    } finally {
      busy = false;
    }
    if (again) {
      again = false;
      await pass(false);
    }
  };
  return pass;
}
