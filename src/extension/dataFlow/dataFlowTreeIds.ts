/** The Data Flows view's id (package.json `contributes.views`), shared with the manifest test. */
export const DATA_FLOWS_VIEW = 'phiGuard.dataFlows';
