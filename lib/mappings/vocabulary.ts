import type { AttributeFlowBehavior, AttributeFlowType, AttributeMappingSourceType, ObjectFlowTypes } from "@microsoft/microsoft-graph-types-beta";
import { parserFor, type Term } from "@/lib/jobs/vocabulary";

/** The schema's enums in admin words (SYNC-API.md §4.1 attributeMapping, objectMapping; §4.2). Exhaustive maps. */

/** `attributeMapping.flowType`: when a mapped value is written to the target. */
export const ATTRIBUTE_FLOW_TYPES: Record<AttributeFlowType, Term> = {
  Always: { label: "Always", tone: "neutral", meaning: "Written when the object is created and on every update." },
  ObjectAddOnly: { label: "Only during object creation", tone: "info", meaning: "Written only when the provisioning service creates the object." },
  MultiValueAddOnly: {
    label: "Only when values are added",
    tone: "info",
    meaning: "Written only when the change adds new values to a multi-valued attribute.",
  },
  ValueAddOnly: {
    label: "Adds values, never removes",
    tone: "info",
    meaning: "If the attribute has a value, only additions flow; removals do not.",
  },
  AttributeAddOnly: { label: "Only when the target has no value", tone: "info", meaning: "Written only if the target attribute has no value at all." },
};

/** `attributeMapping.flowBehavior`: whether an unchanged value is exported again. */
export const ATTRIBUTE_FLOW_BEHAVIORS: Record<AttributeFlowBehavior, Term> = {
  FlowWhenChanged: { label: "Exported when changed", tone: "neutral", meaning: "Exported to the target only when the value changes (Graph's default)." },
  FlowAlways: { label: "Exported even when unchanged", tone: "info", meaning: "Exported to the target on every evaluation, even when the value did not change." },
};

/** `attributeMappingSource.type`: where a value comes from. */
export const SOURCE_TYPES: Record<AttributeMappingSourceType, Term> = {
  Attribute: { label: "Attribute", tone: "neutral", meaning: "The value of a source attribute." },
  Constant: { label: "Constant", tone: "neutral", meaning: "The same value for every object." },
  Function: { label: "Expression", tone: "neutral", meaning: "An expression the provisioning service evaluates for each object." },
};

/** One flag of `objectMapping.flowTypes` (a flags enum sent as "Add, Update, Delete"), named as the action it allows. */
export const OBJECT_FLOW_TYPES: Record<ObjectFlowTypes, Term> = {
  None: { label: "None", tone: "neutral", meaning: "The mapping creates, updates and deletes nothing." },
  Add: { label: "Create", tone: "neutral", meaning: "Creates objects in the target directory." },
  Update: { label: "Update", tone: "neutral", meaning: "Updates objects that already exist in the target directory." },
  Delete: { label: "Delete", tone: "neutral", meaning: "Deprovisions objects in the target directory." },
};

export const parseAttributeFlowType = parserFor(ATTRIBUTE_FLOW_TYPES, "attribute flow type");
export const parseAttributeFlowBehavior = parserFor(ATTRIBUTE_FLOW_BEHAVIORS, "attribute flow behavior");
export const parseSourceType = parserFor(SOURCE_TYPES, "attribute mapping source type");
export const parseObjectFlowType = parserFor(OBJECT_FLOW_TYPES, "object flow type");
