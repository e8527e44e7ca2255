import attributeMappingFunctions from "./attribute-mapping-functions.json";
import filterOperators from "./filter-operators.json";

/**
 * Fixed lists returned by `…/schema/functions` and `…/schema/filterOperators`, copied from the full
 * lists in the Graph docs (HTML comments in the beta pages; see test/fixtures/graph-docs/examples). Items
 * carry `name` (not in CSDL) because every docs example does.
 */
export const ATTRIBUTE_MAPPING_FUNCTIONS = attributeMappingFunctions;
export const FILTER_OPERATORS = filterOperators;
