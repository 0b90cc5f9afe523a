/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type AddressToManyFilter = {
  /** every related record matches (true when there are none) */
  every?: AddressWhere | null | undefined;
  /** no related record matches */
  none?: AddressWhere | null | undefined;
  /** at least one related record matches */
  some?: AddressWhere | null | undefined;
};

export type AddressWhere = {
  /** all of these */
  AND?: Array<AddressWhere> | null | undefined;
  /** not this */
  NOT?: AddressWhere | null | undefined;
  /** at least one of these */
  OR?: Array<AddressWhere> | null | undefined;
  city?: StringFilter | null | undefined;
  country?: StringFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  extraLines?: MultiChoiceFilter | null | undefined;
  id?: IdFilter | null | undefined;
  isDefault?: BooleanFilter | null | undefined;
  kind?: StringFilter | null | undefined;
  postalCode?: StringFilter | null | undefined;
  street?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  version?: IntFilter | null | undefined;
};

export type AttributeValueToManyFilter = {
  /** every related record matches (true when there are none) */
  every?: AttributeValueWhere | null | undefined;
  /** no related record matches */
  none?: AttributeValueWhere | null | undefined;
  /** at least one related record matches */
  some?: AttributeValueWhere | null | undefined;
};

export type AttributeValueWhere = {
  /** all of these */
  AND?: Array<AttributeValueWhere> | null | undefined;
  /** not this */
  NOT?: AttributeValueWhere | null | undefined;
  /** at least one of these */
  OR?: Array<AttributeValueWhere> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  validFrom?: DateFilter | null | undefined;
  validTo?: DateFilter | null | undefined;
  value?: JsonFilter | null | undefined;
  version?: IntFilter | null | undefined;
};

export type BooleanFilter = {
  /** equal to (null: is null) */
  eq?: boolean | null | undefined;
  /** true: no value; false: any value */
  isNull?: boolean | null | undefined;
  /** not equal to (null values match) */
  neq?: boolean | null | undefined;
};

export type CompanyCreateInput = {
  /** City. */
  city?: string | null | undefined;
  /** Company class. */
  companyClass?: string | null | undefined;
  /** Country. */
  country?: string | null | undefined;
  /** Industries. */
  industries?: Array<string> | null | undefined;
  /** Interest areas. */
  interestAreas?: Array<string> | null | undefined;
  /** Licences. */
  licences?: number | null | undefined;
  /** Name. Required. */
  name?: string | null | undefined;
  /** Notes. */
  notes?: string | null | undefined;
  /** Phone. */
  phone?: string | null | undefined;
  /** Postal code. */
  postalCode?: string | null | undefined;
  /** Revenue last year. */
  revenueLastYear?: string | null | undefined;
  /** Sales rep. */
  salesRep?: string | number | null | undefined;
  /** Street. */
  street?: string | null | undefined;
  /** Website. */
  website?: string | null | undefined;
};

export type CompanyToManyFilter = {
  /** every related record matches (true when there are none) */
  every?: CompanyWhere | null | undefined;
  /** no related record matches */
  none?: CompanyWhere | null | undefined;
  /** at least one related record matches */
  some?: CompanyWhere | null | undefined;
};

/** Only the fields given change; null clears a field. */
export type CompanyUpdateInput = {
  /** City. */
  city?: string | null | undefined;
  /** Company class. */
  companyClass?: string | null | undefined;
  /** Country. */
  country?: string | null | undefined;
  /** Industries. */
  industries?: Array<string> | null | undefined;
  /** Interest areas. */
  interestAreas?: Array<string> | null | undefined;
  /** Licences. */
  licences?: number | null | undefined;
  /** Name. */
  name?: string | null | undefined;
  /** Notes. */
  notes?: string | null | undefined;
  /** Phone. */
  phone?: string | null | undefined;
  /** Postal code. */
  postalCode?: string | null | undefined;
  /** Revenue last year. */
  revenueLastYear?: string | null | undefined;
  /** Sales rep. */
  salesRep?: string | number | null | undefined;
  /** Street. */
  street?: string | null | undefined;
  /** Website. */
  website?: string | null | undefined;
};

export type CompanyWhere = {
  /** all of these */
  AND?: Array<CompanyWhere> | null | undefined;
  /** not this */
  NOT?: CompanyWhere | null | undefined;
  /** at least one of these */
  OR?: Array<CompanyWhere> | null | undefined;
  addresses?: AddressToManyFilter | null | undefined;
  area?: StringFilter | null | undefined;
  attributes?: AttributeValueToManyFilter | null | undefined;
  city?: StringFilter | null | undefined;
  companyClass?: StringFilter | null | undefined;
  country?: StringFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  industries?: MultiChoiceFilter | null | undefined;
  insuredPatients?: PatientToManyFilter | null | undefined;
  interestAreas?: MultiChoiceFilter | null | undefined;
  licences?: IntFilter | null | undefined;
  name?: StringFilter | null | undefined;
  notes?: StringFilter | null | undefined;
  orders?: OrderToManyFilter | null | undefined;
  owner?: StringFilter | null | undefined;
  people?: PersonToManyFilter | null | undefined;
  phone?: StringFilter | null | undefined;
  postalCode?: StringFilter | null | undefined;
  revenueLastYear?: MoneyFilter | null | undefined;
  salesRep?: EmployeeWhere | null | undefined;
  street?: StringFilter | null | undefined;
  team?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  version?: IntFilter | null | undefined;
  website?: StringFilter | null | undefined;
};

export type DateFilter = {
  /** equal to (null: is null) */
  eq?: string | null | undefined;
  /** greater than */
  gt?: string | null | undefined;
  /** greater than or equal to */
  gte?: string | null | undefined;
  /** one of */
  in?: Array<string> | null | undefined;
  /** true: no value; false: any value */
  isNull?: boolean | null | undefined;
  /** less than */
  lt?: string | null | undefined;
  /** less than or equal to */
  lte?: string | null | undefined;
  /** not equal to (null values match) */
  neq?: string | null | undefined;
  /** none of (null values match) */
  nin?: Array<string> | null | undefined;
};

export type DateTimeFilter = {
  /** equal to (null: is null) */
  eq?: string | null | undefined;
  /** greater than */
  gt?: string | null | undefined;
  /** greater than or equal to */
  gte?: string | null | undefined;
  /** one of */
  in?: Array<string> | null | undefined;
  /** true: no value; false: any value */
  isNull?: boolean | null | undefined;
  /** less than */
  lt?: string | null | undefined;
  /** less than or equal to */
  lte?: string | null | undefined;
  /** not equal to (null values match) */
  neq?: string | null | undefined;
  /** none of (null values match) */
  nin?: Array<string> | null | undefined;
};

export type EmployeeToManyFilter = {
  /** every related record matches (true when there are none) */
  every?: EmployeeWhere | null | undefined;
  /** no related record matches */
  none?: EmployeeWhere | null | undefined;
  /** at least one related record matches */
  some?: EmployeeWhere | null | undefined;
};

export type EmployeeWhere = {
  /** all of these */
  AND?: Array<EmployeeWhere> | null | undefined;
  /** not this */
  NOT?: EmployeeWhere | null | undefined;
  /** at least one of these */
  OR?: Array<EmployeeWhere> | null | undefined;
  accounts?: CompanyToManyFilter | null | undefined;
  achievements?: StringFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  department?: StringFilter | null | undefined;
  email?: StringFilter | null | undefined;
  firstName?: StringFilter | null | undefined;
  hobbies?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  lastName?: StringFilter | null | undefined;
  mentees?: EmployeeToManyFilter | null | undefined;
  mentors?: EmployeeToManyFilter | null | undefined;
  softSkills?: MultiChoiceFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  version?: IntFilter | null | undefined;
};

export type IdFilter = {
  /** equal to (null: is null) */
  eq?: string | number | null | undefined;
  /** one of */
  in?: Array<string | number> | null | undefined;
  /** not equal to (null values match) */
  neq?: string | number | null | undefined;
  /** none of (null values match) */
  nin?: Array<string | number> | null | undefined;
};

export type IntFilter = {
  /** equal to (null: is null) */
  eq?: number | null | undefined;
  /** greater than */
  gt?: number | null | undefined;
  /** greater than or equal to */
  gte?: number | null | undefined;
  /** one of */
  in?: Array<number> | null | undefined;
  /** true: no value; false: any value */
  isNull?: boolean | null | undefined;
  /** less than */
  lt?: number | null | undefined;
  /** less than or equal to */
  lte?: number | null | undefined;
  /** not equal to (null values match) */
  neq?: number | null | undefined;
  /** none of (null values match) */
  nin?: Array<number> | null | undefined;
};

export type JsonFilter = {
  /** JSON containment (@>) */
  contains?: unknown;
  /** true: no value; false: any value */
  isNull?: boolean | null | undefined;
};

export type MoneyFilter = {
  /** equal to (null: is null) */
  eq?: string | null | undefined;
  /** greater than */
  gt?: string | null | undefined;
  /** greater than or equal to */
  gte?: string | null | undefined;
  /** one of */
  in?: Array<string> | null | undefined;
  /** true: no value; false: any value */
  isNull?: boolean | null | undefined;
  /** less than */
  lt?: string | null | undefined;
  /** less than or equal to */
  lte?: string | null | undefined;
  /** not equal to (null values match) */
  neq?: string | null | undefined;
  /** none of (null values match) */
  nin?: Array<string> | null | undefined;
};

export type MultiChoiceFilter = {
  /** holds all of these values */
  hasAll?: Array<string> | null | undefined;
  /** holds at least one of these values */
  hasAny?: Array<string> | null | undefined;
  /** true: no value; false: any value */
  isNull?: boolean | null | undefined;
};

export type OrderToManyFilter = {
  /** every related record matches (true when there are none) */
  every?: OrderWhere | null | undefined;
  /** no related record matches */
  none?: OrderWhere | null | undefined;
  /** at least one related record matches */
  some?: OrderWhere | null | undefined;
};

export type OrderWhere = {
  /** all of these */
  AND?: Array<OrderWhere> | null | undefined;
  /** not this */
  NOT?: OrderWhere | null | undefined;
  /** at least one of these */
  OR?: Array<OrderWhere> | null | undefined;
  amount?: MoneyFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  customer?: CompanyWhere | null | undefined;
  date?: DateFilter | null | undefined;
  division?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  licences?: IntFilter | null | undefined;
  number?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  version?: IntFilter | null | undefined;
};

export type PatientToManyFilter = {
  /** every related record matches (true when there are none) */
  every?: PatientWhere | null | undefined;
  /** no related record matches */
  none?: PatientWhere | null | undefined;
  /** at least one related record matches */
  some?: PatientWhere | null | undefined;
};

export type PatientWhere = {
  /** all of these */
  AND?: Array<PatientWhere> | null | undefined;
  /** not this */
  NOT?: PatientWhere | null | undefined;
  /** at least one of these */
  OR?: Array<PatientWhere> | null | undefined;
  addresses?: AddressToManyFilter | null | undefined;
  allergies?: StringFilter | null | undefined;
  birthDate?: DateFilter | null | undefined;
  bloodGroup?: StringFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  firstName?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  insuranceNumber?: StringFilter | null | undefined;
  insurer?: CompanyWhere | null | undefined;
  insurerTariff?: StringFilter | null | undefined;
  lastName?: StringFilter | null | undefined;
  lastVisit?: DateTimeFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  version?: IntFilter | null | undefined;
};

export type PersonToManyFilter = {
  /** every related record matches (true when there are none) */
  every?: PersonWhere | null | undefined;
  /** no related record matches */
  none?: PersonWhere | null | undefined;
  /** at least one related record matches */
  some?: PersonWhere | null | undefined;
};

export type PersonWhere = {
  /** all of these */
  AND?: Array<PersonWhere> | null | undefined;
  /** not this */
  NOT?: PersonWhere | null | undefined;
  /** at least one of these */
  OR?: Array<PersonWhere> | null | undefined;
  birthDate?: DateFilter | null | undefined;
  company?: CompanyWhere | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  email?: StringFilter | null | undefined;
  firstName?: StringFilter | null | undefined;
  function?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  lastName?: StringFilter | null | undefined;
  notes?: StringFilter | null | undefined;
  personCode?: StringFilter | null | undefined;
  phone?: StringFilter | null | undefined;
  salutation?: StringFilter | null | undefined;
  title?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  version?: IntFilter | null | undefined;
};

export type StringFilter = {
  /** equal to (null: is null) */
  eq?: string | null | undefined;
  /** greater than */
  gt?: string | null | undefined;
  /** greater than or equal to */
  gte?: string | null | undefined;
  /** like `like`, ignoring case */
  ilike?: string | null | undefined;
  /** one of */
  in?: Array<string> | null | undefined;
  /** true: no value; false: any value */
  isNull?: boolean | null | undefined;
  /** SQL LIKE pattern, % for any text, _ for one character */
  like?: string | null | undefined;
  /** less than */
  lt?: string | null | undefined;
  /** less than or equal to */
  lte?: string | null | undefined;
  /** not equal to (null values match) */
  neq?: string | null | undefined;
  /** none of (null values match) */
  nin?: Array<string> | null | undefined;
};

export type CompaniesWithPeopleQueryVariables = Exact<{
  where?: CompanyWhere | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CompaniesWithPeopleQuery = { companies: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, revenueLastYear: string | null, industries: Array<string> | null, people: { nodes: Array<{ lastName: string }> } }> } };

export type CreateCompanyMutationVariables = Exact<{
  input: CompanyCreateInput;
}>;


export type CreateCompanyMutation = { createCompany: { id: string, version: number, name: string, revenueLastYear: string | null } };

export type UpdateCompanyMutationVariables = Exact<{
  id: string | number;
  input: CompanyUpdateInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateCompanyMutation = { updateCompany: { id: string, version: number, name: string } };
