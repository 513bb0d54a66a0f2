// The names pages and the search index give each theme of duty.
import type { Theme } from "./rules-schema.js";

export const THEME_LABELS: Record<Theme, string> = {
  "general-principles": "General principles",
  "security-protection": "Security protection",
  "data-localisation": "Data localisation",
  "personal-information": "Personal information",
  "real-name-registration": "Real-name registration",
  "content-monitoring": "Content monitoring and removal",
  "cooperation-with-authorities": "Cooperation with and technical support to authorities",
  reporting: "Reporting",
  "record-keeping": "Record keeping",
  "security-assessment": "Security assessment and review",
  "registration-approval": "Registration and approval",
  "finance-funding": "Finance and funding",
  staffing: "Staffing",
  "prohibited-activities": "Prohibited activities",
  "incident-response": "Incident response",
  "product-certification": "Product certification",
  "party-organisation": "Party organisation",
  employment: "Employment",
  "evidence-procedure": "Evidence and procedure",
  supervision: "Supervision by the state",
};
