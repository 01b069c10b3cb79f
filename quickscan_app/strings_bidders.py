# ruff: noqa: E501 (a sentence stays on one line, as in strings.py)
"""The texts of the bidder links, in Dutch and English: the refusals, the invitation the
officer pastes into the tender platform, the bidder's page and the officer's and reviewer's
panels. Merged into ``strings.STRINGS``."""

from __future__ import annotations

from quickscan_app.domain.text import Lang

BIDDER_STRINGS: dict[str, dict[Lang, str]] = {
    # Refusals
    "err.bidder_reply_open": {
        "nl": "De bieder vult dit zelf in via zijn link. Trek de link in als u het zelf wilt invullen.",
        "en": "The bidder is answering this itself through its link. Revoke the link to fill it in yourself.",
    },
    "err.bidder_reply_submitted": {
        "nl": "De bieder heeft zijn antwoorden ingediend: wijzig een antwoord met een correctie en een toelichting.",
        "en": "The bidder submitted its answers: change an answer by a correction with a note.",
    },
    "err.bidder_reply_not_submitted": {
        "nl": "Bieder {bidder} heeft (nog) geen antwoorden ingediend.",
        "en": "Bidder {bidder} has not submitted answers (yet).",
    },
    "err.bidder_reply_frozen": {
        "nl": "Uw antwoorden zijn ingediend en kunnen niet meer worden gewijzigd. Hebt u een kennelijke vergissing gemaakt, meld dat dan via het berichtenverkeer van de aanbesteding.",
        "en": "Your answers were submitted and can no longer be changed. If you made an obvious error, report it through the tender's messages.",
    },
    "err.bidder_no_link": {
        "nl": "Bieder {bidder} heeft geen link die nog werkt.",
        "en": "Bidder {bidder} has no link that still works.",
    },
    "err.bidder_link_unknown": {
        "nl": "Deze link is niet geldig. Controleer of u de volledige link hebt overgenomen, of vraag via het berichtenverkeer van de aanbesteding om een nieuwe link.",
        "en": "This link is not valid. Check that you copied the whole link, or ask for a new one through the tender's messages.",
    },
    "err.bidder_link_ended": {
        "nl": "Deze link is ingetrokken of vervangen door een nieuwe. Gebruik de nieuwste link die u van de aanbestedende dienst kreeg; vragen stelt u via het berichtenverkeer van de aanbesteding.",
        "en": "This link was revoked or replaced by a new one. Use the newest link the contracting authority sent you; questions go through the tender's messages.",
    },
    "err.bidder_link_expired": {
        "nl": "Deze link is verlopen: de termijn om te antwoorden is voorbij. Hebt u daarover een vraag, stel die dan via het berichtenverkeer van de aanbesteding.",
        "en": "This link has expired: the period to answer has ended. Any question about this goes through the tender's messages.",
    },
    "err.bidder_link_outdated": {
        "nl": "Deze link hoort bij een versie van het aanbestedingsdossier die niet meer geldt. Vraag via het berichtenverkeer van de aanbesteding om een nieuwe link.",
        "en": "This link belongs to a version of the tender dossier that no longer applies. Ask for a new link through the tender's messages.",
    },
    "err.bidder_link_throttled": {
        "nl": "Vanaf dit adres zijn te veel ongeldige links geprobeerd. Probeer het over 15 minuten opnieuw.",
        "en": "Too many invalid links were tried from this address. Try again in 15 minutes.",
    },
    "err.evidence_empty": {"nl": "Het bestand is leeg.", "en": "The file is empty."},
    "err.evidence_too_large": {
        "nl": "Het bestand is groter dan {limit} MB.",
        "en": "The file is larger than {limit} MB.",
    },
    "err.evidence_not_pdf": {
        "nl": "Het bestand is geen leesbare PDF (of is met een wachtwoord beveiligd). Voeg bewijs toe als PDF.",
        "en": "The file is not a readable PDF (or is protected with a password). Add evidence as a PDF.",
    },
    "err.evidence_not_asked": {
        "nl": "Bij deze eis wordt geen bewijs gevraagd.",
        "en": "No evidence is asked for this requirement.",
    },
    "err.evidence_too_many": {
        "nl": "Per eis kunt u ten hoogste {count} bestanden toevoegen.",
        "en": "You can add at most {count} files per requirement.",
    },
    "err.evidence_not_found": {
        "nl": "Dit bestand bestaat niet (meer).",
        "en": "This file does not exist (any more).",
    },
    "err.bidder_note_required": {
        "nl": "Geef een toelichting: een correctie of heropening zonder toelichting kan niet.",
        "en": "Add a note: a correction or reopening needs one.",
    },
    "err.link_last_day": {
        "nl": "Kies als laatste dag van de link vandaag of een dag binnen {days} dagen.",
        "en": "Choose today or a day within {days} days as the link's last day.",
    },
    "problem.mapping": {
        "nl": "verwacht een lijst van waarden per vraag of eis",
        "en": "expected a mapping",
    },
    "problem.bidder_answer": {"nl": "geen antwoord van een bieder", "en": "not a bidder's answer"},
    # The invitation the officer pastes into the tender platform's messages.
    "invite.authority": {"nl": "De aanbestedende dienst", "en": "The contracting authority"},
    "invite.text": {
        "nl": (
            "Geachte {bidder},\n\n"
            "Voor de aanbesteding {tender} vragen wij u enkele vragen over nationale veiligheid "
            "te beantwoorden en bij de eisen uit het aanbestedingsdossier die in de vragenlijst "
            "staan aan te geven of u eraan voldoet en waar dat in uw inschrijving staat. Dat doet "
            "u via deze persoonlijke link; een account is niet nodig:\n\n"
            "{url}\n\n"
            "De link werkt tot en met {date} (23.59 uur Nederlandse tijd). Uw antwoorden worden "
            "bewaard terwijl u werkt, maar tellen pas mee als u ze met 'Indienen' hebt ingediend. "
            "Waar om bewijs wordt gevraagd, voegt u PDF-bestanden van ten hoogste 10 MB toe.\n\n"
            "Deze vragenlijst is geen gelegenheid om uw inschrijving aan te vullen of te "
            "wijzigen: uw antwoorden en bewijsstukken moeten overeenstemmen met uw inschrijving. "
            "Wij behandelen wat u indient vertrouwelijk.\n\n"
            "Deel de link alleen met wie namens uw onderneming mag antwoorden: wie hem heeft, "
            "kan namens u antwoorden. Vragen stelt u via het berichtenverkeer van de "
            "aanbesteding.\n\n"
            "Met vriendelijke groet,\n{authority}"
        ),
        "en": (
            "Dear {bidder},\n\n"
            "For the tender {tender} we ask you to answer a few questions on national security "
            "and to state, for the requirements of the tender dossier listed in the "
            "questionnaire, whether you meet them and where your tender shows this. You do so "
            "through this personal link; no account is needed:\n\n"
            "{url}\n\n"
            "The link works up to and including {date} (23:59 Dutch time). Your answers are "
            "kept as you work, but count only once you have submitted them with 'Submit'. Where "
            "evidence is asked, add PDF files of at most 10 MB.\n\n"
            "This questionnaire is not an opportunity to add to or change your tender: your "
            "answers and evidence must match your tender. We treat what you submit as "
            "confidential.\n\n"
            "Share the link only with those who may answer on behalf of your company: whoever "
            "has it can answer on your behalf. Ask questions through the tender's messages.\n\n"
            "Kind regards,\n{authority}"
        ),
    },
    # The bidder's page
    "ui.page.bidder": {"nl": "Vragenlijst voor inschrijvers", "en": "Questionnaire for bidders"},
    "ui.reply.title": {
        "nl": "Vragenlijst nationale veiligheid voor inschrijvers",
        "en": "National-security questionnaire for bidders",
    },
    "ui.reply.intro": {
        "nl": "Deze vragenlijst is voor {name}. Beantwoord de vragen over uw onderneming en geef bij elke eis hieronder aan of u eraan voldoet, met een toelichting en de vindplaats in uw inschrijving.",
        "en": "This questionnaire is for {name}. Answer the questions about your company and state for each requirement below whether you meet it, with an explanation and where your tender shows it.",
    },
    "ui.reply.submitted_on": {
        "nl": "Ingediend op {when}. Uw antwoorden liggen nu bij de aanbestedende dienst; wijzigen kan alleen als die uw inzending heropent.",
        "en": "Submitted on {when}. Your answers are now with the contracting authority; they can only be changed if it reopens your submission.",
    },
    "ui.reply.reopened": {
        "nl": "De aanbestedende dienst heeft uw inzending heropend:",
        "en": "The contracting authority reopened your submission:",
    },
    "ui.reply.drafts": {
        "nl": "Elke wijziging wordt meteen bewaard, maar telt pas mee als u hebt ingediend. Dien uw antwoorden uiterlijk op {date} om 23.59 uur (Nederlandse tijd) in.",
        "en": "Every change is saved at once, but counts only once you submit. Submit your answers by {date}, 23:59 Dutch time, at the latest.",
    },
    "ui.reply.company": {"nl": "Over uw onderneming", "en": "About your company"},
    "ui.reply.questions": {"nl": "Vragen", "en": "Questions"},
    "ui.reply.requirements": {
        "nl": "Eisen uit het aanbestedingsdossier",
        "en": "Requirements of the tender dossier",
    },
    "ui.reply.requirements_intro": {
        "nl": "Geef per eis aan of u eraan voldoet en vermeld waar dat in uw inschrijving staat. Kiest u 'Onbekend' of laat u een eis open, dan kan de aanbestedende dienst niet vaststellen dat u eraan voldoet. Voeg waar om bewijs wordt gevraagd een PDF toe.",
        "en": "State for each requirement whether you meet it and where your tender shows this. If you choose 'Unknown' or leave a requirement open, the contracting authority cannot establish that you meet it. Where evidence is asked, add a PDF.",
    },
    "ui.reply.meets": {"nl": "Voldoet u aan deze eis?", "en": "Do you meet this requirement?"},
    "ui.reply.explain": {"nl": "Toelichting", "en": "Explanation"},
    "ui.reply.evidence": {"nl": "Bewijs (PDF)", "en": "Evidence (PDF)"},
    "ui.reply.remove_file": {"nl": "Verwijderen", "en": "Remove"},
    "ui.reply.add_file": {
        "nl": "PDF toevoegen (ten hoogste {mb} MB)",
        "en": "Add a PDF (at most {mb} MB)",
    },
    "ui.reply.file_added": {"nl": "Het bestand is toegevoegd.", "en": "The file was added."},
    "ui.reply.submit_title": {"nl": "Indienen", "en": "Submit"},
    "ui.reply.open_requirements": {
        "nl": "Nog niet bij elke eis hebt u aangegeven of u eraan voldoet; bij een open eis kan de aanbestedende dienst niet vaststellen dat u eraan voldoet.",
        "en": "You have not yet stated for every requirement whether you meet it; for an open requirement the contracting authority cannot establish that you meet it.",
    },
    "ui.reply.confirm": {
        "nl": "Ik verklaar dat ik bevoegd ben namens de inschrijver te antwoorden en dat deze antwoorden juist en volledig zijn en overeenstemmen met de inschrijving. Na het indienen kan ik ze niet meer wijzigen.",
        "en": "I declare that I may answer on behalf of the bidder and that these answers are true, complete and match the tender. After submitting I can no longer change them.",
    },
    "ui.reply.submit": {"nl": "Indienen", "en": "Submit"},
    "ui.reply.thanks": {
        "nl": "Uw antwoorden zijn ingediend. Dank u wel.",
        "en": "Your answers were submitted. Thank you.",
    },
    # The officer's panel in the award step, and what the reviewer sees of a reply
    "ui.invite.title": {"nl": "Antwoorden van de bieder zelf", "en": "The bidder's own answers"},
    "ui.invite.copy": {
        "nl": "Kopieer deze tekst naar het berichtenverkeer van de aanbesteding; de tool verstuurt zelf niets. De link is alleen nu te zien: bewaard wordt alleen een vingerafdruk (SHA-256) ervan.",
        "en": "Copy this text into the tender's messages; the tool sends nothing itself. The link is only shown now: just a fingerprint (SHA-256) of it is kept.",
    },
    "ui.invite.revoke": {"nl": "Link intrekken", "en": "Revoke the link"},
    "ui.invite.revoked": {
        "nl": "De link is ingetrokken: hij werkt niet meer.",
        "en": "The link was revoked: it no longer works.",
    },
    "ui.invite.new": {"nl": "Link voor de bieder maken", "en": "Make a link for the bidder"},
    "ui.invite.replace": {
        "nl": "Nieuwe link maken (de huidige houdt dan op)",
        "en": "Make a new link (the current one stops)",
    },
    "ui.invite.last_day": {
        "nl": "Laatste dag waarop de link werkt",
        "en": "Last day the link works",
    },
    "ui.invite.language": {
        "nl": "Taal van de uitnodiging en de vragenlijst",
        "en": "Language of the invitation and the questionnaire",
    },
    "ui.invite.ask_evidence": {"nl": "Bewijs (PDF) vragen bij", "en": "Ask evidence (PDF) for"},
    "ui.invite.make": {"nl": "Link maken", "en": "Make the link"},
    "ui.invite.made": {
        "nl": "De link is gemaakt; de uitnodiging staat bij 'Antwoorden van de bieder zelf'.",
        "en": "The link was made; the invitation is under 'The bidder's own answers'.",
    },
    "ui.invite.reopen": {"nl": "Inzending heropenen", "en": "Reopen the submission"},
    "ui.invite.reopen_note": {
        "nl": "Welke kennelijke vergissing of welk ontbrekend formeel stuk moet de bieder herstellen? (verplicht; de bieder ziet deze toelichting; inhoudelijk verbeteren van de inschrijving mag niet)",
        "en": "Which obvious error or missing formal document should the bidder put right? (required; the bidder sees this note; improving the tender itself is not allowed)",
    },
    "ui.invite.reopen_button": {"nl": "Heropenen voor de bieder", "en": "Reopen for the bidder"},
    "ui.invite.reopened": {
        "nl": "De inzending is heropend: de bieder kan via de link weer wijzigen.",
        "en": "The submission was reopened: the bidder can change it again through the link.",
    },
    "ui.invite.correct": {"nl": "Antwoord corrigeren", "en": "Correct an answer"},
    "ui.invite.item": {"nl": "Welk antwoord?", "en": "Which answer?"},
    "ui.invite.correction_note": {
        "nl": "Waarom deze correctie? (verplicht; de beoordelaar ziet beide versies)",
        "en": "Why this correction? (required; the reviewer sees both versions)",
    },
    "ui.invite.correct_button": {"nl": "Correctie opslaan", "en": "Save the correction"},
    "ui.invite.corrected": {
        "nl": "De correctie is opgeslagen; het antwoord van de bieder blijft zichtbaar.",
        "en": "The correction was saved; the bidder's answer stays visible.",
    },
    "ui.invite.reply.submitted": {
        "nl": "De bieder heeft zijn antwoorden via de link ingediend op {when}.",
        "en": "The bidder submitted its answers through the link on {when}.",
    },
    "ui.invite.reply.not_answered": {
        "nl": "De bieder heeft niet via een link geantwoord en heeft geen link die nog werkt.",
        "en": "The bidder did not answer through a link and has no link that still works.",
    },
    "ui.invite.reply.invited": {
        "nl": "De bieder heeft een link die werkt tot en met {date} en heeft nog niets ingevuld. Tot dan vult alleen de bieder in.",
        "en": "The bidder has a link that works up to and including {date} and has filled in nothing yet. Until then only the bidder fills in.",
    },
    "ui.invite.reply.answering": {
        "nl": "De bieder is bezig via zijn link (werkt tot en met {date}). Tot dan vult alleen de bieder in.",
        "en": "The bidder is answering through its link (works up to and including {date}). Until then only the bidder fills in.",
    },
    "ui.invite.col.item": {"nl": "Onderdeel", "en": "Item"},
    "ui.invite.col.bidder": {"nl": "Antwoord van de bieder", "en": "The bidder's answer"},
    "ui.invite.col.corrected": {"nl": "Na correctie", "en": "Corrected"},
    "ui.invite.col.note": {"nl": "Toelichting op de correctie", "en": "Note on the correction"},
    "ui.invite.corrections": {
        "nl": "Correcties door de inkoper",
        "en": "Corrections by the officer",
    },
    "ui.invite.evidence": {"nl": "Bewijsstukken van de bieder", "en": "Evidence from the bidder"},
    "ui.invite.open_file": {"nl": "Openen", "en": "Open"},
    "ui.invite.evidence_missing": {
        "nl": "Gevraagd bewijs ontbreekt bij: {names}.",
        "en": "Evidence asked but missing for: {names}.",
    },
}
