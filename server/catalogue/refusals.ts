/** How keeping the catalogue is refused, in one place for its use cases. */
import { CATALOGUE_SECTION_LABELS, type CatalogueSection } from "../../shared/domain/catalogue.ts";
import { notFound, Problem } from "../errors.ts";

export const entryCodeTaken = (section: CatalogueSection, code: string) =>
  new Problem(
    "CATALOGUE_CODE_TAKEN",
    `A ${CATALOGUE_SECTION_LABELS[section].one} with the code "${code}" already exists (retired ones keep theirs).`,
    { errors: [{ field: "code", message: "This code is taken: enter another one" }] },
  );

export const onlyLicencesHaveDescriptions = () =>
  new Problem("VALIDATION_FAILED", "Only licences have a description.", {
    errors: [{ field: "description", message: "Leave it out: only licences have a description" }],
  });

export const noEntry = (section: CatalogueSection) =>
  notFound(CATALOGUE_SECTION_LABELS[section].one);
