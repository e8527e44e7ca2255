/**
 * Fixed lists returned by `…/schema/functions` and `…/schema/filterOperators`, copied from the full
 * lists in the Graph docs (HTML comments in the beta pages; see shared/graph/examples). Items carry
 * `name` (not in CSDL) because every docs example does.
 */
export const ATTRIBUTE_MAPPING_FUNCTIONS = [
  {
    "name": "Append",
    "parameters": [
      {
        "allowMultipleOccurrences": false,
        "name": "source",
        "required": true,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "suffix",
        "required": true,
        "type": "String"
      }
    ]
  },
  {
    "name": "DefaultDomain",
    "parameters": []
  },
  {
    "name": "AppRoleAssignments",
    "parameters": [
      {
        "allowMultipleOccurrences": false,
        "name": "source",
        "required": true,
        "type": "String"
      }
    ]
  },
  {
    "name": "FormatDateTime",
    "parameters": [
      {
        "allowMultipleOccurrences": false,
        "name": "source",
        "required": true,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "inputFormat",
        "required": true,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "outputFormat",
        "required": true,
        "type": "String"
      }
    ]
  },
  {
    "name": "IsNothing",
    "parameters": [
      {
        "allowMultipleOccurrences": false,
        "name": "source",
        "required": true,
        "type": "Boolean"
      }
    ]
  },
  {
    "name": "Join",
    "parameters": [
      {
        "allowMultipleOccurrences": false,
        "name": "separator",
        "required": true,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": true,
        "name": "source",
        "required": true,
        "type": "String"
      }
    ]
  },
  {
    "name": "Prepend",
    "parameters": [
      {
        "allowMultipleOccurrences": false,
        "name": "prefix",
        "required": true,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "source",
        "required": true,
        "type": "String"
      }
    ]
  },
  {
    "name": "Mid",
    "parameters": [
      {
        "allowMultipleOccurrences": false,
        "name": "source",
        "required": true,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "start",
        "required": true,
        "type": "Integer"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "length",
        "required": true,
        "type": "Integer"
      }
    ]
  },
  {
    "name": "Not",
    "parameters": [
      {
        "allowMultipleOccurrences": false,
        "name": "source",
        "required": true,
        "type": "Boolean"
      }
    ]
  },
  {
    "name": "Replace",
    "parameters": [
      {
        "allowMultipleOccurrences": false,
        "name": "source",
        "required": true,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "Find",
        "required": false,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "RegularExpression",
        "required": false,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "RegularExpressionGroupName",
        "required": false,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "Replacement",
        "required": false,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "ReplacementPropertyName",
        "required": false,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "Template",
        "required": false,
        "type": "String"
      }
    ]
  },
  {
    "name": "SingleAppRoleAssignment",
    "parameters": [
      {
        "allowMultipleOccurrences": false,
        "name": "source",
        "required": true,
        "type": "String"
      }
    ]
  },
  {
    "name": "Split",
    "parameters": [
      {
        "allowMultipleOccurrences": false,
        "name": "source",
        "required": true,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "delimiter",
        "required": false,
        "type": "String"
      }
    ]
  },
  {
    "name": "StripSpaces",
    "parameters": [
      {
        "allowMultipleOccurrences": false,
        "name": "source",
        "required": true,
        "type": "String"
      }
    ]
  },
  {
    "name": "Switch",
    "parameters": [
      {
        "allowMultipleOccurrences": false,
        "name": "source",
        "required": true,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": false,
        "name": "defaultValue",
        "required": false,
        "type": "String"
      },
      {
        "allowMultipleOccurrences": true,
        "name": "switchValue",
        "required": false,
        "type": "String"
      }
    ]
  }
] as const;

export const FILTER_OPERATORS = [
  {
    "name": "EQUALS",
    "arity": "Binary",
    "multivaluedComparisonType": "All",
    "supportedAttributeTypes": [
      "Integer",
      "String"
    ]
  },
  {
    "name": "IS FALSE",
    "arity": "Unary",
    "multivaluedComparisonType": "All",
    "supportedAttributeTypes": [
      "Boolean"
    ]
  },
  {
    "name": "IS NOT NULL",
    "arity": "Unary",
    "multivaluedComparisonType": "All",
    "supportedAttributeTypes": [
      "Integer",
      "String",
      "Binary",
      "Boolean"
    ]
  },
  {
    "name": "IS NULL",
    "arity": "Unary",
    "multivaluedComparisonType": "All",
    "supportedAttributeTypes": [
      "Integer",
      "String",
      "Binary",
      "Boolean"
    ]
  },
  {
    "name": "IS TRUE",
    "arity": "Unary",
    "multivaluedComparisonType": "All",
    "supportedAttributeTypes": [
      "Boolean"
    ]
  },
  {
    "name": "NOT EQUALS",
    "arity": "Binary",
    "multivaluedComparisonType": "All",
    "supportedAttributeTypes": [
      "Integer",
      "String"
    ]
  },
  {
    "name": "NOT REGEX MATCH",
    "arity": "Binary",
    "multivaluedComparisonType": "All",
    "supportedAttributeTypes": [
      "Integer",
      "String"
    ]
  },
  {
    "name": "REGEX MATCH",
    "arity": "Binary",
    "multivaluedComparisonType": "All",
    "supportedAttributeTypes": [
      "Integer",
      "String"
    ]
  }
] as const;
