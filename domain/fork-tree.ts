/** How many ancestors at each end of a long chain are shown with their owners (the rest fold). */
export const ANCESTOR_ENDS = { top: 3, bottom: 6 } as const;
