// The source documents the project is built from (../shared/sources/). Rules cite them by
// file name and footnote; the site shows these titles beside each citation.

export interface SourceDocument {
  id: string;
  author: string;
  title: string;
  date: string;
  short: string;
}

export const SOURCE_DOCUMENTS: readonly SourceDocument[] = [
  {
    id: "002_f153fa18b756d0f6",
    author: "Human Rights in China",
    title:
      "Submission to the U.N. Special Rapporteur on the Promotion and Protection of the Right to Freedom of Opinion and Expression, David Kaye: Regarding the Telecommunications and Internet Services Sectors in China",
    date: "2016-11-16",
    short: "HRIC submission (2016)",
  },
  {
    id: "000_1a210cb90fe8967d",
    author: "Jamestown Foundation",
    title: "China Brief, vol. 21, issue 9: “Legal Obstacles to #MeToo Cases in China's Courts”",
    date: "2021-05-07",
    short: "China Brief 21:9 (2021)",
  },
  {
    id: "001_84fa9b5f519ec775",
    author: "Niva Yau",
    title: "Chinese Governance Export in Central Asia",
    date: "2021",
    short: "Yau (2021)",
  },
];

export function findSourceDocument(id: string): SourceDocument | undefined {
  return SOURCE_DOCUMENTS.find((d) => d.id === id);
}
