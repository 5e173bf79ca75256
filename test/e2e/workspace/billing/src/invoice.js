// Billing has its own policy: `payerRef` is PHI here (a health plan number), `wristbandCode` is not.
export function logInvoice(invoice) {
  console.info('invoice for', invoice.payerRef);
  console.info('wristband', invoice.wristbandCode);
}
