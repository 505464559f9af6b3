import { describe, expect, it } from "vitest";
import {
  addresseesOf,
  draftNoteVerbale,
  englishList,
  normalizeNote,
  unDate,
  unDateSpan,
  unDeadline,
  zoneName,
  type NoteVerbaleInput,
} from "~/lib/note-verbale";

// The 2020 session of the Working Group on Technical Assistance, as in the demo data.
const fixture: NoteVerbaleInput = {
  meeting: {
    body: "Working Group of Government Experts on Technical Assistance",
    parentBody: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
    venue: "Vienna",
    startDate: "2020-07-09",
    endDate: "2020-07-10",
    format: "hybrid",
    timeZone: "Europe/Vienna",
  },
  consultationTitle: "Discussion points for future consideration",
  reflectionApprovedOn: "2020-07-24",
  reflectionApprovalMethod: "silence procedure",
  agendaItemNumbers: ["2", "3"],
  // 18:00 in Vienna (CEST, UTC+2).
  deadline: new Date("2020-08-14T16:00:00Z"),
  parentSession: "Tenth session",
  parentSessionVenue: "Vienna",
  parentSessionStartDate: "2020-10-12",
  parentSessionEndDate: "2020-10-16",
  link: "https://nonpaper.example.org/consultations/1",
  place: "Vienna",
  date: "2020-07-31",
};

describe("draftNoteVerbale", () => {
  it("writes the whole note in UN style from the data", () => {
    expect(draftNoteVerbale(fixture)).toBe(
      [
        "The Secretariat of the United Nations Office on Drugs and Crime (UNODC) presents its compliments to the Permanent Missions of the States parties to the United Nations Convention against Transnational Organized Crime and has the honour to refer to the meeting of the Working Group of Government Experts on Technical Assistance, held in a hybrid format in Vienna on 9 and 10 July 2020.",
        "The extended Bureau of the Conference of the Parties approved, by silence procedure, on 24 July 2020, a reflection period during which States may submit written comments on the discussion points arising from the meeting.",
        "Accordingly, the Secretariat has the honour to transmit herewith, as a non-paper, the discussion points prepared by the Chair, in consultation with the Secretariat, under agenda items 2 and 3 of the meeting.",
        "The Secretariat would be grateful if comments on the discussion points could be submitted, in any of the six official languages of the United Nations, by 18:00 (Vienna time) on Friday, 14 August 2020, through Nonpaper, the Secretariat's online consultation platform, at https://nonpaper.example.org/consultations/1. Comments received in a language other than English will be translated unofficially by the Secretariat.",
        "The comments received will be compiled in a conference room paper for the tenth session of the Conference of the Parties, to be held in Vienna from 12 to 16 October 2020.",
        "The Secretariat of the United Nations Office on Drugs and Crime avails itself of this opportunity to renew to the Permanent Missions of the States parties to the United Nations Convention against Transnational Organized Crime the assurances of its highest consideration.",
        "Vienna, 31 July 2020",
        "Enclosure: non-paper “Discussion points for future consideration”",
      ].join("\n\n"),
    );
  });

  it("marks missing facts with placeholders, never 'undefined' or 'null'", () => {
    const text = draftNoteVerbale({
      ...fixture,
      meeting: { ...fixture.meeting, parentBody: null, venue: " ", format: "in_person" },
      consultationTitle: "",
      reflectionApprovedOn: null,
      reflectionApprovalMethod: null,
      agendaItemNumbers: [],
      deadline: null,
      parentSession: null,
      parentSessionVenue: null,
      parentSessionStartDate: null,
      parentSessionEndDate: null,
      link: null,
      place: null,
      date: null,
    });
    for (const placeholder of ["[venue]", "[method of approval]", "[date of approval]", "[deadline]", "[session]", "[place], [date]", "“[title]”"]) {
      expect(text).toContain(placeholder);
    }
    expect(text).not.toMatch(/undefined|null|NaN/);
    expect(text).toContain("presents its compliments to the Permanent Missions to the United Nations and");
    expect(text).toContain("in consultation with the Secretariat.\n");
    expect(text).toContain("through Nonpaper, the Secretariat's online consultation platform. ");
  });

  it("names a single agenda item in the singular and leaves unnumbered sections out", () => {
    expect(draftNoteVerbale({ ...fixture, agendaItemNumbers: ["2", ""] })).toContain("under agenda item 2 of the meeting.");
  });

  it("lets another secretariat send it", () => {
    const text = draftNoteVerbale({ ...fixture, secretariat: { name: "Office for Disarmament Affairs", abbreviation: null } });
    expect(text.startsWith("The Secretariat of the Office for Disarmament Affairs presents its compliments")).toBe(true);
    expect(text).toContain("The Secretariat of the Office for Disarmament Affairs avails itself");
  });
});

describe("UN English dates", () => {
  it("writes days and spans as UN reports do", () => {
    expect(unDate("2020-07-31")).toBe("31 July 2020");
    expect(unDate(null)).toBe("[date]");
    expect(unDate("31/07/2020")).toBe("[date]");
    expect(unDateSpan("2020-07-09", "2020-07-09")).toBe("on 9 July 2020");
    expect(unDateSpan("2020-07-09", "2020-07-10")).toBe("on 9 and 10 July 2020");
    expect(unDateSpan("2020-10-12", "2020-10-16")).toBe("from 12 to 16 October 2020");
    expect(unDateSpan("2020-06-30", "2020-07-02")).toBe("from 30 June to 2 July 2020");
    expect(unDateSpan("2020-12-30", "2021-01-02")).toBe("from 30 December 2020 to 2 January 2021");
    expect(unDateSpan(null, null)).toBe("on [dates]");
  });

  it("states the deadline on the meeting's wall clock, in summer and in winter", () => {
    expect(unDeadline(new Date("2020-08-14T16:00:00Z"), "Europe/Vienna")).toBe("18:00 (Vienna time) on Friday, 14 August 2020");
    expect(unDeadline("2021-01-15T17:00:00Z", "Europe/Vienna")).toBe("18:00 (Vienna time) on Friday, 15 January 2021");
    expect(unDeadline(new Date("2020-08-14T22:00:00Z"), "America/New_York")).toBe("18:00 (New York time) on Friday, 14 August 2020");
    expect(unDeadline(new Date("2020-08-14T23:59:00Z"), "UTC")).toBe("23:59 (UTC) on Friday, 14 August 2020");
    expect(unDeadline(null, "Europe/Vienna")).toBe("[deadline]");
    expect(unDeadline("not a date", "Europe/Vienna")).toBe("[deadline]");
  });

  it("names zones, lists and addressees", () => {
    expect(zoneName("America/Argentina/Buenos_Aires")).toBe("Buenos Aires time");
    expect(zoneName("Etc/UTC")).toBe("UTC");
    expect(englishList(["2"])).toBe("2");
    expect(englishList(["2", "3", "4"])).toBe("2, 3 and 4");
    expect(addresseesOf("Conference of the States Parties to the United Nations Convention against Corruption")).toBe(
      "the Permanent Missions of the States parties to the United Nations Convention against Corruption",
    );
    expect(addresseesOf("Commission on Narcotic Drugs")).toBe("the Permanent Missions to the United Nations");
  });

  it("normalises what the officer typed", () => {
    expect(normalizeNote("  First.\r\n\r\nSecond.\r\n ")).toBe("First.\n\nSecond.");
  });
});
