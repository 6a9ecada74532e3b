/** Where a workflow run stands; the job_status pgEnum is built from this list. */
export const jobStatuses = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;

export type JobStatus = (typeof jobStatuses)[number];
