/** The brief: buyers at German companies with >= EUR 100,000 application-software revenue last year,
 * more than five licences, not in 66xxx; plus managing directors of database-software companies. */
export const BRIEF_CONDITION = {
  OR: [
    {
      function: { eq: 'purchasing' },
      company: {
        country: { eq: 'DE' },
        NOT: { postalCode: { like: '66%' } },
        aggregate: {
          relation: 'orders',
          where: {
            division: { eq: 'applicationSoftware' },
            date: { gte: { relative: 'startOfLastYear' }, lt: { relative: 'startOfThisYear' } },
          },
          fn: 'sum',
          field: 'amount',
          gte: 100000,
        },
        AND: [{ aggregate: { relation: 'orders', fn: 'sum', field: 'licences', gt: 5 } }],
      },
    },
    { function: { eq: 'managingDirector' }, company: { industries: { hasAny: ['databaseSoftware'] } } },
  ],
};
