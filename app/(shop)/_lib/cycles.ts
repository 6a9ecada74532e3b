/** How the storefront names billing cycles: as a choice, and after a price ("$9.00 /mo"). */
export const cycleName: Record<string, string> = {
  one_time: 'One-time',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  semiannual: 'Every 6 months',
  annual: 'Yearly',
  biennial: 'Every 2 years',
  triennial: 'Every 3 years',
};

export const perCycle: Record<string, string> = {
  one_time: '',
  monthly: '/mo',
  quarterly: '/quarter',
  semiannual: '/6 mo',
  annual: '/yr',
  biennial: '/2 yrs',
  triennial: '/3 yrs',
};
