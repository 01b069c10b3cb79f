"""Every interface string, in Dutch and English: the one place to find and translate them.

Keys are grouped by prefix: ``err.`` refused service calls, ``ui.`` the web interface,
``status.`` dossier states, the rest command-line and report texts. ``{name}`` marks a
parameter filled in with ``str.format``.
"""

from __future__ import annotations

from quickscan_app.domain.text import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "overall_level": {"nl": "Totaalniveau", "en": "Overall level"},
    "residual_level": {"nl": "Restrisico na maatregelen", "en": "Residual risk after measures"},
    "full_analysis_yes": {
        "nl": "Een volledige risicoanalyse is nodig (een scenario is hoog of hoger).",
        "en": "A full risk analysis is required (a scenario is high or above).",
    },
    "full_analysis_no": {
        "nl": "Geen volledige risicoanalyse nodig: geen scenario is hoog of hoger.",
        "en": "No full risk analysis required: no scenario is high or above.",
    },
    "scenarios": {"nl": "Scenario's", "en": "Scenarios"},
    "likelihood": {"nl": "kans", "en": "likelihood"},
    "impact": {"nl": "impact", "en": "impact"},
    "escalations": {"nl": "Escalaties", "en": "Escalations"},
    "open_points": {
        "nl": "Open punten (onbekend, gerekend als ongunstigste geval)",
        "en": "Open points (unknown, scored as the worst credible case)",
    },
    "open_required": {"nl": "Nog te beantwoorden", "en": "Still to answer"},
    "proposed_measures": {"nl": "Voorgestelde maatregelen", "en": "Proposed measures"},
    "residual": {"nl": "Restrisico", "en": "Residual risk"},
    "none": {"nl": "geen", "en": "none"},
    # How an answer "unknown" reads everywhere: the officer's checkbox, read-only views, the
    # reviewer's table, the CLI and the PDF.
    "unknown": {"nl": "Weet ik niet", "en": "Don't know"},
    "assumed": {"nl": "aangenomen", "en": "assumed"},
    "reduction": {"nl": "risicoreductie", "en": "risk reduction"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "questions": {"nl": "vragen", "en": "questions"},
    "scenario_count": {"nl": "scenario's", "en": "scenarios"},
    "measure_count": {"nl": "maatregelen", "en": "measures"},
    "content_ok": {"nl": "Inhoud in orde", "en": "Content valid"},
    # Refused service calls. Parameters in braces.
    "err.needs_role": {
        "nl": "Hiervoor is de rol {roles} nodig.",
        "en": "This needs the role {roles}.",
    },
    "err.no_view": {
        "nl": "Dossier {dossier} bestaat niet of u hebt er geen toegang toe.",
        "en": "Dossier {dossier} does not exist or you have no access to it.",
    },
    "err.account_inactive": {
        "nl": "Uw account is niet (meer) actief. Log opnieuw in of neem contact op met de beheerder.",
        "en": "Your account is not active (any more). Sign in again or contact the administrator.",
    },
    "err.own_account": {
        "nl": (
            "U kunt uw eigen rollen niet wijzigen en uzelf niet uitschakelen: dat doet een andere "
            "beheerder (en de audittrail legt vast wie)."
        ),
        "en": (
            "You cannot change your own roles or deactivate yourself: another administrator "
            "does that (and the audit trail records who)."
        ),
    },
    "err.roles_changed": {
        "nl": "Uw rollen zijn gewijzigd sinds u inlogde. Log opnieuw in.",
        "en": "Your roles changed since you signed in. Please sign in again.",
    },
    "err.owner_only": {
        "nl": "Alleen de eigenaar mag dossier {dossier} wijzigen.",
        "en": "Only the owner may change dossier {dossier}.",
    },
    "err.not_editable": {
        "nl": "Dossier {dossier} heeft status '{status}': antwoorden en plan liggen vast.",
        "en": "Dossier {dossier} is '{status}': answers and plan cannot change now.",
    },
    "err.owner_or_admin": {
        "nl": "Alleen de eigenaar of een beheerder mag dit met dossier {dossier} doen.",
        "en": "Only the owner or an administrator may do this with dossier {dossier}.",
    },
    "err.four_eyes_owner": {
        "nl": "Vier-ogenprincipe: u kunt uw eigen dossier niet beoordelen.",
        "en": "Four-eyes principle: you cannot review your own dossier.",
    },
    "err.four_eyes_risk_owner": {
        "nl": (
            "Vier-ogenprincipe: u hebt aan dit dossier gewerkt of het beoordeeld en kunt het "
            "restrisico niet zelf accepteren."
        ),
        "en": (
            "Four-eyes principle: you worked on or reviewed this dossier and cannot accept "
            "its residual risk yourself."
        ),
    },
    "err.four_eyes_answered": {
        "nl": (
            "Vier-ogenprincipe: u hebt vragen in dit dossier beantwoord "
            "en kunt het niet beoordelen."
        ),
        "en": "Four-eyes principle: you answered questions in this dossier and cannot review it.",
    },
    "err.not_found": {
        "nl": "Dossier {dossier} bestaat niet of u hebt er geen toegang toe.",
        "en": "Dossier {dossier} does not exist or you have no access to it.",
    },
    "err.user_not_found": {
        "nl": "Gebruiker '{user}' bestaat niet.",
        "en": "User '{user}' does not exist.",
    },
    "err.stale": {
        "nl": (
            "Dossier {dossier} is intussen gewijzigd door {who} ({change}, {when}). "
            "Uw wijziging is niet opgeslagen; laad het dossier opnieuw."
        ),
        "en": (
            "Dossier {dossier} was changed by {who} in the meantime ({change}, {when}). "
            "Your change was not saved; reload the dossier."
        ),
    },
    "err.transition": {
        "nl": "Dossier {dossier} heeft status '{status}': '{step}' kan nu niet.",
        "en": "Dossier {dossier} is '{status}': '{step}' is not possible now.",
    },
    "err.incomplete": {
        "nl": "Nog niet alle verplichte vragen zijn beantwoord: {questions}.",
        "en": "Not all required questions are answered: {questions}.",
    },
    "err.invalid_answer": {
        "nl": "Ongeldig antwoord op '{question}': {problem}",
        "en": "Invalid answer to '{question}': {problem}",
    },
    "err.alternative_chosen": {
        "nl": "Maatregel '{measure}' is een alternatief voor '{other}', die al in het plan staat. Kies er één: haal eerst '{other}' uit het plan.",
        "en": "Measure '{measure}' is an alternative to '{other}', which is already in the plan. Choose one: take '{other}' out of the plan first.",
    },
    "err.unknown_measure": {
        "nl": "Maatregel '{measure}' staat niet in de catalogus.",
        "en": "Measure '{measure}' is not in the catalogue.",
    },
    "err.justification_required": {
        "nl": "Geef een motivering waarom deze maatregel wordt afgewezen.",
        "en": "Give a justification for rejecting this measure.",
    },
    "err.review_date": {
        "nl": "Kies een herbeoordelingsdatum van {first} tot en met {last}.",
        "en": "Choose a review date from {first} to {last}.",
    },
    "err.acceptance_reasons_required": {
        "nl": "Motiveer het besluit over het restrisico.",
        "en": "Give the reasons for the decision on the residual risk.",
    },
    "err.change_note_required": {
        "nl": "Beschrijf wat er aan de opzet verandert.",
        "en": "Describe what changes in the set-up.",
    },
    "err.note_required": {
        "nl": "Licht toe welke wijzigingen nodig zijn.",
        "en": "Explain which changes are needed.",
    },
    "err.empty_comment": {
        "nl": "Een opmerking mag niet leeg zijn.",
        "en": "A comment cannot be empty.",
    },
    "err.invalid_field": {
        "nl": "Ongeldige waarde voor '{field}': {problem}",
        "en": "Invalid value for '{field}': {problem}",
    },
    "err.publication_dates_differ": {
        "nl": "Twee verschillende geplande publicatiedatums: {details} in de dossiergegevens en {answer} als antwoord op de vraag 'planned_publication_date'. Geef één datum op, of op beide plaatsen dezelfde.",
        "en": "Two different planned publication dates: {details} in the dossier details and {answer} as the answer to the question 'planned_publication_date'. Give one date, or the same one in both places.",
    },
    "err.publication_date_unknown": {
        "nl": "De dossiergegevens noemen geplande publicatiedatum {details}, maar het antwoord op de vraag 'planned_publication_date' is 'onbekend'. Geef één datum op, of op beide plaatsen dezelfde.",
        "en": "The dossier details give planned publication date {details}, but the answer to the question 'planned_publication_date' is 'unknown'. Give one date, or the same one in both places.",
    },
    "err.sso_no_role": {
        "nl": "U bent aangemeld, maar u hebt geen rol in Quickscan. Vraag de beheerder u toe te voegen aan een groep voor inkopers, beveiligingsadviseurs of beheerders.",
        "en": "You are signed in, but you have no role in Quickscan. Ask the administrator to add you to a group for procurement officers, security reviewers or administrators.",
    },
    "err.sso_no_identity": {
        "nl": "De aanmelding gaf geen gebruikersnaam of e-mailadres door; Quickscan kan u niet herkennen.",
        "en": "The sign-in passed no user name or e-mail address; Quickscan cannot recognise you.",
    },
    "err.login_throttled": {
        "nl": "Te veel mislukte pogingen om in te loggen. Probeer het over {minutes} minuten opnieuw, of vraag de beheerder om hulp.",
        "en": "Too many failed sign-in attempts. Try again in {minutes} minutes, or ask the administrator for help.",
    },
    "err.password_common": {
        "nl": "Dit wachtwoord is te makkelijk te raden (een bekend wachtwoord, de gebruikersnaam of een herhaling). Kies een langere zin van eigen woorden.",
        "en": "This password is too easy to guess (a known password, the user name or a repetition). Choose a longer phrase of your own words.",
    },
    "err.login_failed": {
        "nl": "Onbekende gebruikersnaam of onjuist wachtwoord.",
        "en": "Unknown user name or wrong password.",
    },
    "err.user_exists": {
        "nl": "Gebruiker '{user}' bestaat al.",
        "en": "User '{user}' already exists.",
    },
    "err.password_too_short": {
        "nl": "Een wachtwoord moet minstens {length} tekens lang zijn.",
        "en": "A password must be at least {length} characters long.",
    },
    "err.unknown_role": {
        "nl": "Onbekende rol '{role}' (kies uit officer, reviewer, risk_owner, admin).",
        "en": "Unknown role '{role}' (choose from officer, reviewer, risk_owner, admin).",
    },
    "err.not_demo": {
        "nl": "De database bevat echte gegevens; demogegevens worden niet toegevoegd.",
        "en": "The database holds real data; demo data is not added.",
    },
    "err.no_content": {"nl": "{problem}", "en": "{problem}"},
    "err.snapshot_altered": {
        "nl": "De goedgekeurde snapshot van dossier {dossier} past niet meer bij de SHA-256 die bij de goedkeuring is vastgelegd: de database is buiten Quickscan om gewijzigd. Er wordt niets geëxporteerd; waarschuw de beheerder.",
        "en": "The approved snapshot of dossier {dossier} no longer matches the SHA-256 recorded at approval: the database was changed outside Quickscan. Nothing is exported; alert the administrator.",
    },
    "err.snapshot_too_old": {
        "nl": "Dossier {dossier} is goedgekeurd in een versie van Quickscan zonder exports; die snapshot bevat niet alles wat een export nodig heeft. Heropen het plan en laat het opnieuw goedkeuren.",
        "en": "Dossier {dossier} was approved by a version of Quickscan without exports; that snapshot lacks what an export needs. Reopen the plan and have it approved again.",
    },
    "err.no_newer_version": {
        "nl": "Er is geen nieuwere versie van vragenlijst {questionnaire} dan versie {version}.",
        "en": "There is no newer version of questionnaire {questionnaire} than version {version}.",
    },
    "err.bidders_need_approval": {
        "nl": "Bieders worden getoetst aan een goedgekeurd plan; dossier {dossier} heeft status '{status}'.",
        "en": "Bidders are checked against an approved plan; dossier {dossier} has status '{status}'.",
    },
    "err.bidder_outdated": {
        "nl": "Bieder {bidder} is getoetst aan versie {revision} van het plan, en dat plan geldt niet meer (heropend of overgezet). De toets blijft bewaard maar kan niet meer worden gewijzigd of beoordeeld; leg de bieder opnieuw vast bij het nieuwe goedgekeurde plan.",
        "en": "Bidder {bidder} was checked against revision {revision} of the plan, which no longer stands (reopened or moved). The check is kept but can no longer change or be decided; record the bidder again against the new approved plan.",
    },
    "err.bidder_not_found": {
        "nl": "Bieder {bidder} bestaat niet.",
        "en": "Bidder {bidder} does not exist.",
    },
    "err.bidder_stale": {
        "nl": "Bieder {bidder} is intussen door iemand anders gewijzigd. Uw wijziging is niet opgeslagen; herlaad en probeer opnieuw.",
        "en": "Bidder {bidder} was changed by someone else meanwhile. Your change was not saved; reload and try again.",
    },
    "err.bidder_not_editable": {
        "nl": "Bieder {bidder} heeft status '{status}' en kan nu niet worden gewijzigd.",
        "en": "Bidder {bidder} has status '{status}' and cannot be changed now.",
    },
    "err.bidder_not_submitted": {
        "nl": "Bieder {bidder} is niet ter beoordeling aangeboden (status '{status}').",
        "en": "Bidder {bidder} has not been submitted for review (status '{status}').",
    },
    "err.award_needs_bidders": {
        "nl": "Dossier {dossier} heeft nog geen goedgekeurde toets van een bieder.",
        "en": "Dossier {dossier} has no approved bidder check yet.",
    },
    "err.tender_needs_approval": {
        "nl": "Het aanbestedingsdossier komt alleen uit een goedgekeurd plan; dossier {dossier} heeft status '{status}'. Laat het plan eerst goedkeuren.",
        "en": "The tender dossier comes only from an approved plan; dossier {dossier} has status '{status}'. Have the plan approved first.",
    },
}

UI_STRINGS: dict[str, dict[Lang, str]] = {
    # Shell and sign-in
    "ui.app_title": {"nl": "Quickscan nationale veiligheid", "en": "National-security quickscan"},
    "ui.app_intro": {
        "nl": (
            "Voer vóór de aanbesteding de quickscan nationale veiligheid uit: beantwoord de vragen, "
            "zie welke risico's er zijn en waarom, kies maatregelen en leg het plan voor aan de "
            "beveiligingsadviseur."
        ),
        "en": (
            "Run the national-security quickscan before the tender: answer the questions, see which "
            "risks there are and why, choose measures and submit the plan to the security adviser."
        ),
    },
    "ui.language": {"nl": "Taal", "en": "Language"},
    "ui.signed_in_as": {"nl": "Aangemeld als {name}", "en": "Signed in as {name}"},
    "ui.sign_in": {"nl": "Inloggen", "en": "Sign in"},
    "ui.sign_out": {"nl": "Uitloggen", "en": "Sign out"},
    "ui.user_name": {"nl": "Gebruikersnaam", "en": "User name"},
    "ui.password": {"nl": "Wachtwoord", "en": "Password"},
    "ui.session_expired": {
        "nl": "U bent uitgelogd na 30 minuten zonder activiteit. Log opnieuw in.",
        "en": "You were signed out after 30 minutes without activity. Please sign in again.",
    },
    "ui.no_access": {
        "nl": "U hebt geen toegang tot deze pagina.",
        "en": "You do not have access to this page.",
    },
    "ui.no_roles": {
        "nl": "Uw account heeft geen rol. Vraag een beheerder om een rol toe te kennen.",
        "en": "Your account has no role. Ask an administrator to assign one.",
    },
    "ui.group.account": {"nl": "Account", "en": "Account"},
    "ui.group.officer": {"nl": "Inkoop", "en": "Procurement"},
    "ui.group.reviewer": {"nl": "Beoordeling", "en": "Review"},
    "ui.group.admin": {"nl": "Beheer", "en": "Administration"},
    "ui.group.risk_owner": {"nl": "Risico-eigenaar", "en": "Risk owner"},
    "reassess.needed": {"nl": "Herbeoordeling nodig", "en": "Re-assessment needed"},
    "reassess.reason.review_date": {
        "nl": "De herbeoordelingsdatum van het goedgekeurde plan ({date}) is verstreken.",
        "en": "The review date of the approved plan ({date}) has passed.",
    },
    "reassess.reason.triggered": {
        "nl": "De opzet is gewijzigd op een punt dat om een nieuwe beoordeling vraagt.",
        "en": "The set-up changed on a point that calls for a new assessment.",
    },
    "reassess.reason.questionnaire": {
        "nl": "Er is een nieuwere versie van de vragenlijst; het plan is op een oudere beoordeeld.",
        "en": "A newer version of the questionnaire is loaded; the plan was assessed on an older one.",
    },
    "reassess.changed": {"nl": "Gewijzigd", "en": "Changed"},
    "reassess.compare": {
        "nl": "Risico bij de goedkeuring en nu",
        "en": "Risk at approval and now",
    },
    "reassess.compare_intro": {
        "nl": "Versie {revision} is goedgekeurd op {when}. Per scenario het risico van toen naast het risico nu, zonder en met de gekozen maatregelen; ▲ hoger, ▼ lager dan bij de goedkeuring.",
        "en": "Revision {revision} was approved on {when}. Per scenario the risk then beside the risk now, without and with the chosen measures; ▲ higher, ▼ lower than at approval.",
    },
    "reassess.col.inherent_then": {"nl": "Risico bij goedkeuring", "en": "Risk at approval"},
    "reassess.col.inherent_now": {"nl": "Risico nu", "en": "Risk now"},
    "reassess.col.residual_then": {
        "nl": "Restrisico bij goedkeuring",
        "en": "Residual risk at approval",
    },
    "reassess.col.residual_now": {"nl": "Restrisico nu", "en": "Residual risk now"},
    "reassess.change_title": {
        "nl": "Wijziging van de opzet vastleggen",
        "en": "Record a change of set-up",
    },
    "reassess.change_intro": {
        "nl": "Verandert er iets aan de opzet, zoals een nieuwe netwerkkoppeling, een ander kanaal voor onderhoud op afstand, een andere leverancier of gegevens die de locatie verlaten? Leg het hier vast. Er komt een nieuwe conceptversie: pas de antwoorden aan, bekijk het risico van toen naast het risico nu en leg het plan opnieuw voor. De goedkeuring van deze versie blijft bewaard. Gaat het om een andere opdrachtnemer of onderaannemer tijdens de looptijd, laat dan ook toetsen of dit een wezenlijke wijziging van de opdracht is (Aanbestedingswet 2012, art. 2.163a e.v.).",
        "en": "Does something change in the set-up, such as a new network connection, another channel for remote maintenance, another supplier or data leaving the site? Record it here. A new draft revision opens: update the answers, compare the risk then with the risk now and submit the plan again. The approval of this revision is kept. Where another contractor or subcontractor takes over during the contract, also have it checked whether this is a substantial modification of the contract (Aanbestedingswet 2012, art. 2.163a ff.).",
    },
    "reassess.change_note": {
        "nl": "Wat verandert er? (verplicht)",
        "en": "What changes? (required)",
    },
    "reassess.change_button": {
        "nl": "Wijziging vastleggen en nieuwe versie openen",
        "en": "Record the change and open a new revision",
    },
    "reassess.change_done": {
        "nl": "De wijziging is vastgelegd; pas de antwoorden aan in de nieuwe conceptversie.",
        "en": "The change is recorded; update the answers in the new draft revision.",
    },
    "ui.page.acceptance": {"nl": "Restrisico accepteren", "en": "Accept residual risk"},
    "ui.acceptance_intro": {
        "nl": "Plannen die de beveiligingsadviseur heeft goedgekeurd maar waarbij na de maatregelen een hoog of zeer hoog restrisico overblijft, wachten hier op uw besluit als proceseigenaar (ISO/IEC 27001:2022, 6.1.3 f). Accepteert u het restrisico, dan is het plan goedgekeurd en kan het aanbestedingsdossier worden gemaakt. Weigert u, dan gaat het dossier met uw motivering terug naar de inkoper.",
        "en": "Plans the security reviewer approved but that leave a high or very high residual risk after the measures wait here for your decision as process owner (ISO/IEC 27001:2022, 6.1.3 f). If you accept the residual risk, the plan is approved and the tender dossier can be made. If you refuse, the dossier goes back to the officer with your reasons.",
    },
    "ui.acceptance_waiting": {
        "nl": "Wacht op uw acceptatie ({count})",
        "en": "Waiting for your acceptance ({count})",
    },
    "ui.col.scenario": {"nl": "Scenario", "en": "Scenario"},
    "ui.col.likelihood": {"nl": "Kans", "en": "Likelihood"},
    "ui.col.impact": {"nl": "Impact", "en": "Impact"},
    "ui.col.level": {"nl": "Niveau", "en": "Level"},
    "ui.col.who": {"nl": "Wie", "en": "Who"},
    "ui.acceptance_none": {
        "nl": "Er wacht nu geen restrisico op uw acceptatie.",
        "en": "No residual risk waits for your acceptance now.",
    },
    "ui.acceptance_approved_by": {
        "nl": "Goedgekeurd door de beveiligingsadviseur {who} op {when} en ter acceptatie voorgelegd.",
        "en": "Approved by the security reviewer {who} on {when} and put forward for acceptance.",
    },
    "ui.acceptance_residual": {
        "nl": "Restrisico na de gekozen maatregelen",
        "en": "Residual risk after the chosen measures",
    },
    "ui.acceptance_reasons": {
        "nl": "Risico's en redenen in detail",
        "en": "Risks and reasons in detail",
    },
    "ui.acceptance_history": {"nl": "Eerdere besluiten", "en": "Earlier decisions"},
    "ui.acceptance_decision": {"nl": "Uw besluit", "en": "Your decision"},
    "ui.acceptance_justification": {"nl": "Motivering (verplicht)", "en": "Reasons (required)"},
    "ui.acceptance_conditions": {
        "nl": "Voorwaarden (optioneel)",
        "en": "Conditions (optional)",
    },
    "ui.accept": {"nl": "Restrisico accepteren", "en": "Accept the residual risk"},
    "ui.refuse_acceptance": {
        "nl": "Weigeren en terugsturen",
        "en": "Refuse and send back",
    },
    "ui.accepted": {
        "nl": "Het restrisico is geaccepteerd; het plan is goedgekeurd.",
        "en": "The residual risk is accepted; the plan is approved.",
    },
    "ui.acceptance_refused": {
        "nl": "Geweigerd: het dossier is met uw motivering teruggestuurd naar de inkoper.",
        "en": "Refused: the dossier went back to the officer with your reasons.",
    },
    "ui.acceptance_yes": {"nl": "Geaccepteerd", "en": "Accepted"},
    "ui.acceptance_no": {"nl": "Geweigerd", "en": "Refused"},
    "ui.group.portfolio": {"nl": "Overzicht", "en": "Overview"},
    "ui.page.portfolio": {"nl": "Portefeuille", "en": "Portfolio"},
    "ui.portfolio.intro": {
        "nl": "Alle dossiers die u mag zien, met hun restrisico en deadlines. Gemarkeerd: publicatie binnen {days} dagen (of al voorbij) terwijl het plan niet is goedgekeurd.",
        "en": "Every dossier you may see, with its residual risk and deadlines. Flagged: publication within {days} days (or past) while the plan is not approved.",
    },
    "ui.portfolio.filters": {"nl": "Filters", "en": "Filters"},
    "ui.portfolio.status": {"nl": "Status", "en": "Status"},
    "ui.portfolio.level": {"nl": "Restrisico", "en": "Residual risk"},
    "ui.portfolio.authority": {"nl": "Aanbestedende dienst", "en": "Contracting authority"},
    "ui.portfolio.category": {"nl": "Soort opdracht", "en": "Object category"},
    "ui.portfolio.from": {"nl": "Publicatie vanaf", "en": "Publication from"},
    "ui.portfolio.to": {"nl": "Publicatie tot en met", "en": "Publication until"},
    "ui.portfolio.text": {"nl": "Zoeken in titel of kenmerk", "en": "Search title or reference"},
    "ui.portfolio.flagged_only": {
        "nl": "Alleen gemarkeerde dossiers",
        "en": "Flagged dossiers only",
    },
    "ui.portfolio.apply": {"nl": "Toepassen", "en": "Apply"},
    "ui.portfolio.total": {"nl": "Dossiers", "en": "Dossiers"},
    "ui.portfolio.flagged": {"nl": "Deadline in gevaar", "en": "Deadline at risk"},
    "ui.portfolio.overdue": {"nl": "Maatregelen over datum", "en": "Measures overdue"},
    "ui.portfolio.approved": {"nl": "Goedgekeurd", "en": "Approved"},
    "ui.portfolio.high": {"nl": "Restrisico hoog of hoger", "en": "Residual high or above"},
    "ui.portfolio.heatmap": {
        "nl": "Restrisico van alle scenario's",
        "en": "Residual risk of every scenario",
    },
    "ui.portfolio.heatmap_note": {
        "nl": "Elk vak telt de scenario's van de gefilterde dossiers met die kans en impact na de gekozen maatregelen.",
        "en": "Each cell counts the scenarios of the filtered dossiers at that likelihood and impact after the chosen measures.",
    },
    "ui.portfolio.by_level": {"nl": "Dossiers per restrisico", "en": "Dossiers by residual risk"},
    "ui.portfolio.none": {
        "nl": "Geen dossiers bij deze filters.",
        "en": "No dossiers match these filters.",
    },
    "ui.portfolio.page": {
        "nl": "Pagina {page} van {pages} ({total})",
        "en": "Page {page} of {pages} ({total})",
    },
    "ui.portfolio.previous": {"nl": "Vorige pagina", "en": "Previous page"},
    "ui.portfolio.next": {"nl": "Volgende pagina", "en": "Next page"},
    "ui.portfolio.export": {
        "nl": "Tabel exporteren (alle gefilterde dossiers)",
        "en": "Export the table (every filtered dossier)",
    },
    "ui.portfolio.col.flag": {"nl": "Let op", "en": "Attention"},
    "ui.portfolio.col.overdue": {"nl": "Over datum", "en": "Overdue"},
    "ui.portfolio.col.days": {"nl": "Dagen tot publicatie", "en": "Days to publication"},
    "ui.portfolio.col.owner": {"nl": "Eigenaar", "en": "Owner"},
    "ui.page.sign_in": {"nl": "Inloggen", "en": "Sign in"},
    "ui.page.my_dossiers": {"nl": "Mijn dossiers", "en": "My dossiers"},
    "ui.page.new_dossier": {"nl": "Nieuw dossier", "en": "New dossier"},
    "ui.page.dossier": {"nl": "Dossier", "en": "Dossier"},
    "ui.page.review_queue": {"nl": "Te beoordelen", "en": "To review"},
    "ui.page.review": {"nl": "Beoordelen", "en": "Review"},
    "ui.page.users": {"nl": "Gebruikers", "en": "Users"},
    "ui.page.content": {"nl": "Vragenlijsten en catalogus", "en": "Questionnaires and catalogue"},
    "ui.page.audit": {"nl": "Audittrail", "en": "Audit trail"},
    # Overview
    "ui.metric.dossiers": {"nl": "Dossiers", "en": "Dossiers"},
    "ui.metric.in_review": {"nl": "In beoordeling", "en": "In review"},
    "ui.metric.deadline_near": {"nl": "Publicatie nabij", "en": "Publication near"},
    "ui.deadline_near": {
        "nl": "publicatie nabij, plan niet goedgekeurd",
        "en": "publication near, plan not approved",
    },
    "ui.no_dossiers_yet": {
        "nl": "U hebt nog geen dossiers. Begin met een nieuw dossier.",
        "en": "You have no dossiers yet. Start with a new dossier.",
    },
    "ui.open_dossier": {"nl": "Dossier openen", "en": "Open dossier"},
    "ui.choose_dossier": {"nl": "Dossier", "en": "Dossier"},
    "ui.back_to_dossiers": {"nl": "Mijn dossiers", "en": "My dossiers"},
    "ui.back_to_queue": {"nl": "Terug naar te beoordelen", "en": "Back to the review queue"},
    "ui.choose_dossier_placeholder": {"nl": "Kies een dossier", "en": "Choose a dossier"},
    "ui.choose_measure_placeholder": {"nl": "Kies een maatregel", "en": "Choose a measure"},
    "ui.col.title": {"nl": "Titel", "en": "Title"},
    "ui.col.reference": {"nl": "Kenmerk", "en": "Reference"},
    "ui.col.status": {"nl": "Status", "en": "Status"},
    "ui.col.risk": {"nl": "Risico", "en": "Risk"},
    "ui.col.residual": {"nl": "Restrisico", "en": "Residual risk"},
    "ui.col.publication": {"nl": "Publicatie / offerteaanvraag", "en": "Publication / RFQ"},
    "ui.col.days_left": {"nl": "Dagen tot publicatie", "en": "Days to publication"},
    "ui.col.signal": {"nl": "Signaal", "en": "Signal"},
    "ui.col.owner": {"nl": "Eigenaar", "en": "Owner"},
    # New dossier
    "ui.new_dossier_intro": {
        "nl": (
            "Leg de gegevens van de voorgenomen opdracht vast. Gegevens die de vragenlijst ook vraagt, "
            "worden daar alvast ingevuld."
        ),
        "en": (
            "Record the facts of the planned contract. Facts that the questionnaire also asks are "
            "filled in there for you."
        ),
    },
    "ui.field.title": {"nl": "Titel van de opdracht", "en": "Title of the contract"},
    "ui.field.reference": {"nl": "Kenmerk", "en": "Reference"},
    "ui.field.authority": {"nl": "Aanbestedende dienst", "en": "Contracting authority"},
    "ui.field.object_category": {"nl": "Voorwerp van de opdracht", "en": "Object of the contract"},
    "ui.field.cpv": {"nl": "CPV-code", "en": "CPV code"},
    "ui.field.procedure": {"nl": "Procedure", "en": "Procedure"},
    "ui.field.value": {
        "nl": "Geraamde waarde (€, excl. btw)",
        "en": "Estimated value (€, excl. VAT)",
    },
    "ui.field.rfq_date": {"nl": "Geplande offerteaanvraag", "en": "Planned request for quotation"},
    "ui.field.publication_date": {"nl": "Geplande publicatie", "en": "Planned publication"},
    "ui.field.classification": {
        "nl": "Rubricering van het dossier",
        "en": "Classification of the dossier",
    },
    "ui.field.language": {"nl": "Taal van het dossier", "en": "Language of the dossier"},
    "ui.create_dossier": {"nl": "Dossier aanmaken", "en": "Create dossier"},
    "ui.title_required": {
        "nl": "Vul de titel van de opdracht in.",
        "en": "Fill in the title of the contract.",
    },
    "ui.dossier_created": {"nl": "Dossier aangemaakt.", "en": "Dossier created."},
    # Wizard
    "ui.choose_dossier_first": {"nl": "Kies eerst een dossier.", "en": "Choose a dossier first."},
    "ui.revision": {"nl": "Versie", "en": "Version"},
    "ui.publication": {"nl": "publicatie", "en": "publication"},
    "ui.go_to_step": {"nl": "Ga naar stap", "en": "Go to step"},
    "ui.back": {"nl": "Vorige", "en": "Back"},
    "ui.next": {"nl": "Volgende", "en": "Next"},
    "ui.step.results": {"nl": "Uitkomst", "en": "Results"},
    "ui.step.plan": {"nl": "Maatregelenplan", "en": "Mitigation plan"},
    "ui.step.submit": {"nl": "Indienen en exporteren", "en": "Submit and export"},
    "ui.why": {"nl": "Waarom deze vraag?", "en": "Why this matters:"},
    "ui.choose_options": {"nl": "Kies een of meer opties", "en": "Choose one or more options"},
    "ui.choose_option": {"nl": "Kies een optie", "en": "Choose an option"},
    "ui.required_missing": {"nl": "Deze vraag is verplicht.", "en": "This question is required."},
    "ui.changed_elsewhere": {
        "nl": "Dit dossier is elders gewijzigd ({change}); u ziet nu de laatste antwoorden.",
        "en": "This dossier was changed elsewhere ({change}); you now see the latest answers.",
    },
    "ui.not_editable": {
        "nl": "Dit dossier heeft status '{status}' en kan nu niet worden gewijzigd.",
        "en": "This dossier is '{status}' and cannot be changed now.",
    },
    # Risk
    "ui.risk_panel": {"nl": "Risicobeeld", "en": "Risk picture"},
    "ui.likelihood": {"nl": "Kans", "en": "Likelihood"},
    "ui.impact": {"nl": "Impact", "en": "Impact"},
    "ui.l_short": {"nl": "K", "en": "L"},
    "ui.i_short": {"nl": "I", "en": "I"},
    "ui.inherent_risk": {"nl": "Risico zonder maatregelen", "en": "Risk without measures"},
    "ui.residual_risk": {
        "nl": "Restrisico met gekozen maatregelen",
        "en": "Residual risk with chosen measures",
    },
    "ui.no_reasons": {
        "nl": "Geen antwoord verhoogt dit risico: het blijft op het basisniveau.",
        "en": "No answer raises this risk: it stays at its baseline.",
    },
    "ui.your_answer": {"nl": "uw antwoord", "en": "your answer"},
    "ui.threat": {"nl": "dreiging", "en": "threat"},
    "ui.at_least": {"nl": "minstens", "en": "at least"},
    "ui.escalation_assumed": {
        "nl": "Dit is een aanname: het volgt alleen uit ‘weet ik niet’ bij",
        "en": "This is an assumption: it follows only from ‘don't know’ at",
    },
    "ui.col.proposal": {"nl": "Voorstel", "en": "Proposal"},
    "ui.bundle": {
        "nl": "Samen nemen de {count} maatregelen die een oorzaak wegnemen het risico van {before} naar {after} punten (kans × impact, opgeteld over de scenario's); één alleen doet soms niets zolang een even brede route open blijft.",
        "en": "Together the {count} measures that remove a cause take the risk from {before} to {after} points (likelihood × impact, summed over the scenarios); one alone sometimes does nothing while a route as wide stays open.",
    },
    "ui.alternative_of": {"nl": "kies dit óf", "en": "choose this or"},
    "proposal.direct": {"nl": "Neemt een oorzaak weg", "en": "Removes a cause"},
    "proposal.supporting": {
        "nl": "Ondersteunend (contract, criterium, toets)",
        "en": "Supporting (contract, criterion, check)",
    },
    "proposal.obligation": {
        "nl": "Te regelen (taak die elk contract vraagt)",
        "en": "To arrange (a task every contract needs)",
    },
    "ui.exposure": {"nl": "blootstelling", "en": "exposure"},
    "ui.raw_points": {"nl": "punten vóór begrenzing", "en": "points before caps"},
    "ui.exposure_step": {
        "nl": "+1 voor meer routes of ontbrekende maatregelen",
        "en": "+1 for more routes or missing controls",
    },
    "ui.rests_on_unknown": {
        "nl": "Deze uitkomst berust mede op ‘weet ik niet’: het ergste geval is aangenomen. Zoek het antwoord uit.",
        "en": "This outcome rests partly on ‘don't know’: the worst case was assumed. Find out the answer.",
    },
    "reasons_folded": {
        "nl": "ook van toepassing, zonder effect op de score",
        "en": "also applies, without effect on the score",
    },
    "ui.reasons_folded": {
        "nl": "Ook van toepassing, zonder effect op de score (de oorzaak telt al mee of een sterkere reden bepaalt de uitkomst)",
        "en": "Also applies, without effect on the score (the cause already counts or a stronger reason decides the outcome)",
    },
    # Plan
    "ui.plan_intro": {
        "nl": (
            "Bovenaan staan de maatregelen die een oorzaak van het risico wegnemen, daarna "
            "ondersteunende maatregelen (contractbepalingen, criteria, toetsen), elk gerangschikt "
            "naar het risico dat ze wegnemen; wat al geregeld is, wordt niet voorgesteld. Daarna wat "
            "de BIO2 voor elk contract vraagt. Kies een maatregel om hem op te nemen (met eigenaar, "
            "fase en termijn) of af te wijzen met een motivering."
        ),
        "en": (
            "First come the measures that remove a cause of the risk, then supporting measures "
            "(contract clauses, criteria, checks), each ranked by the risk they take away; what is "
            "already in place is not proposed. Then what BIO2 asks of every contract. Pick a "
            "measure to take it into the plan (with owner, phase and due date) or to reject it "
            "with a justification."
        ),
    },
    "ui.show_all_measures": {
        "nl": "Toon meer: alle voorstellen en de hele catalogus",
        "en": "Show more: every proposal and the whole catalogue",
    },
    "ui.no_proposals": {
        "nl": "Er zijn geen maatregelen voorgesteld.",
        "en": "No measures are proposed.",
    },
    "ui.pick_measure": {"nl": "Maatregel bekijken of kiezen", "en": "View or choose a measure"},
    "ui.pick_measure_help": {
        "nl": "Kies hier een maatregel uit de tabel hierboven: u ziet wat hij inhoudt en kunt hem opnemen of afwijzen.",
        "en": "Choose a measure from the table above: you see what it means and can take it into the plan or reject it.",
    },
    "ui.plan_saved.select_measure": {
        "nl": "Opgenomen in het plan.",
        "en": "Taken into the plan.",
    },
    "ui.plan_saved.reject_measure": {
        "nl": "Afgewezen; de motivering staat in het plan.",
        "en": "Rejected; the justification is in the plan.",
    },
    "ui.plan_saved.deselect_measure": {
        "nl": "Uit het plan gehaald: het is weer een voorstel.",
        "en": "Taken out of the plan: it is a proposal again.",
    },
    "ui.not_answered": {"nl": "Niet beantwoord", "en": "Not answered"},
    "ui.tasks_heading": {
        "nl": "Taken die elk contract vraagt",
        "en": "Tasks every contract needs",
    },
    "ui.tasks_intro": {
        "nl": "De BIO2 vraagt deze afspraken met elke leverancier, ook als ze dit risico niet verlagen. Neem ze op of wijs ze af met een motivering, net als de maatregelen hierboven.",
        "en": "BIO2 asks for these arrangements with every supplier, also where they do not lower this risk. Take them into the plan or reject them with a justification, like the measures above.",
    },
    "ui.col.measure": {"nl": "Maatregel", "en": "Measure"},
    "ui.col.kind": {"nl": "Soort", "en": "Kind"},
    "ui.col.phase": {"nl": "Fase", "en": "Phase"},
    "ui.col.reduction": {"nl": "Risicoreductie", "en": "Risk reduction"},
    "ui.col.decision": {"nl": "Besluit", "en": "Decision"},
    "ui.col.due": {"nl": "Gereed op", "en": "Due date"},
    "ui.decision.selected": {"nl": "Opgenomen", "en": "In plan"},
    "ui.decision.rejected": {"nl": "Afgewezen", "en": "Rejected"},
    "ui.decision.open": {"nl": "Open", "en": "Open"},
    "ui.chosen_measures": {"nl": "Maatregelen in het plan", "en": "Measures in the plan"},
    "ui.controls": {"nl": "Normen", "en": "Controls"},
    "ui.tender_text": {
        "nl": "Tekst voor de aanbestedingsstukken",
        "en": "Text for the tender documents",
    },
    "ui.rejected_because": {"nl": "Afgewezen omdat", "en": "Rejected because"},
    "ui.accept_measure": {"nl": "Opnemen in plan", "en": "Take into plan"},
    "ui.justification": {"nl": "Motivering", "en": "Justification"},
    "ui.reject_measure": {"nl": "Afwijzen", "en": "Reject"},
    "ui.remove_from_plan": {"nl": "Uit plan halen", "en": "Remove from plan"},
    # Submit
    "ui.submit_summary": {
        "nl": "Het plan bevat {measures}; {points}.",
        "en": "The plan holds {measures}; {points}.",
    },
    "ui.four_eyes_note": {
        "nl": "Een beveiligingsadviseur die niet aan dit dossier heeft meegewerkt, beoordeelt het plan.",
        "en": "A security adviser who did not work on this dossier reviews the plan.",
    },
    "ui.submit": {"nl": "Indienen ter beoordeling", "en": "Submit for review"},
    "ui.submitted": {
        "nl": "Ingediend: de beveiligingsadviseur beoordeelt nu het plan.",
        "en": "Submitted: the security adviser now reviews the plan.",
    },
    # Review
    "ui.waiting_for_review": {
        "nl": "Wacht op beoordeling ({count})",
        "en": "Waiting for review ({count})",
    },
    "ui.queue_empty": {
        "nl": "Er wacht niets op beoordeling.",
        "en": "Nothing is waiting for review.",
    },
    "ui.decided": {"nl": "Eerder beoordeeld", "en": "Reviewed before"},
    "ui.nothing_decided": {"nl": "Nog niets beoordeeld.", "en": "Nothing reviewed yet."},
    "ui.review_dossier": {"nl": "Beoordelen", "en": "Review"},
    "ui.tab.answers": {"nl": "Antwoorden", "en": "Answers"},
    "ui.tab.risks": {"nl": "Risico's", "en": "Risks"},
    "ui.tab.plan": {"nl": "Plan", "en": "Plan"},
    "ui.tab.decision": {"nl": "Besluit", "en": "Decision"},
    "ui.col.question": {"nl": "Vraag", "en": "Question"},
    "ui.col.answer": {"nl": "Antwoord", "en": "Answer"},
    "ui.comment_on_section": {"nl": "Opmerking bij deze sectie", "en": "Comment on this section"},
    "ui.comment_on_measure": {
        "nl": "Opmerking bij deze maatregel",
        "en": "Comment on this measure",
    },
    "ui.add_comment": {"nl": "Opmerking plaatsen", "en": "Add comment"},
    "ui.comment_added": {"nl": "Opmerking geplaatst.", "en": "Comment added."},
    "ui.plan_empty": {"nl": "Het plan is leeg.", "en": "The plan is empty."},
    "ui.decision_note": {"nl": "Toelichting bij uw besluit", "en": "Note on your decision"},
    "ui.request_changes": {"nl": "Wijzigingen vragen", "en": "Request changes"},
    "ui.approve": {"nl": "Goedkeuren", "en": "Approve"},
    "ui.changes_requested": {
        "nl": "Het dossier is teruggestuurd.",
        "en": "The dossier was sent back.",
    },
    "ui.approved": {"nl": "Het plan is goedgekeurd.", "en": "The plan is approved."},
    "ui.approved_for_acceptance": {
        "nl": "Goedgekeurd. Het restrisico is hoog of zeer hoog: het plan ligt nu ter acceptatie bij de risico-eigenaar (proceseigenaar).",
        "en": "Approved. The residual risk is high or very high: the plan now waits for the acceptance of the risk owner (process owner).",
    },
    "ui.acceptance_needed": {
        "nl": "Het restrisico na de gekozen maatregelen is hoog of zeer hoog. Na uw goedkeuring moet de risico-eigenaar (proceseigenaar) het restrisico accepteren (ISO/IEC 27001:2022, 6.1.3 f); pas dan is het plan goedgekeurd en komt er een aanbestedingsdossier.",
        "en": "The residual risk after the chosen measures is high or very high. After your approval the risk owner (process owner) must accept it (ISO/IEC 27001:2022, 6.1.3 f); only then is the plan approved and a tender dossier available.",
    },
    "ui.review_date": {"nl": "Herbeoordelen uiterlijk op", "en": "Review at the latest on"},
    "ui.review_date_help": {
        "nl": "Leeg: een jaar na dit besluit ({latest}). Kies een eerdere datum als de opzet eerder kan veranderen.",
        "en": "Empty: a year after this decision ({latest}). Choose an earlier date if the set-up may change sooner.",
    },
    "ui.no_decision_needed": {
        "nl": "Dit dossier heeft status '{status}': er is nu geen besluit nodig.",
        "en": "This dossier is '{status}': no decision is needed now.",
    },
    "ui.history": {"nl": "Geschiedenis", "en": "History"},
    # The review loop: the conversation, feedback on top, what changed between rounds
    "ui.thread.title": {
        "nl": "Gesprek met de beveiligingsadviseur",
        "en": "Conversation with the security adviser",
    },
    "ui.thread.round": {"nl": "Ronde {round}", "en": "Round {round}"},
    "ui.thread.before_first": {
        "nl": "Voor de eerste indiening",
        "en": "Before the first submission",
    },
    "ui.thread.empty": {
        "nl": "Nog geen berichten: het dossier is nog niet ingediend en niemand heeft een opmerking geplaatst.",
        "en": "No messages yet: the dossier has not been submitted and nobody has commented.",
    },
    "ui.thread.reopened": {"nl": "Heropend", "en": "Reopened"},
    "ui.thread.reply": {
        "nl": "Reactie (voor beide kanten zichtbaar)",
        "en": "Reply (both sides can read it)",
    },
    "ui.thread.send": {"nl": "Reactie plaatsen", "en": "Post reply"},
    "ui.target.dossier": {"nl": "Algemeen", "en": "General"},
    "ui.target.section": {"nl": "Sectie {title}", "en": "Section {title}"},
    "ui.target.question": {"nl": "Vraag: {title}", "en": "Question: {title}"},
    "ui.target.measure": {"nl": "Maatregel: {title}", "en": "Measure: {title}"},
    "ui.sent_back": {
        "nl": "**Ronde {round}: {reviewer} vraagt wijzigingen** ({when})",
        "en": "**Round {round}: {reviewer} asks for changes** ({when})",
    },
    "ui.sent_back_hint": {
        "nl": "Pas het dossier aan en dien het opnieuw in. Het hele gesprek staat onder *Gesprek met de beveiligingsadviseur*.",
        "en": "Change the dossier and submit it again. The whole conversation is under *Conversation with the security adviser*.",
    },
    "ui.sent_back_list": {
        "nl": "Teruggestuurd door de beveiligingsadviseur ({count}):",
        "en": "Sent back by the security adviser ({count}):",
    },
    "ui.sent_back_mark": {
        "nl": "↩ Ronde {round}: wijzigingen gevraagd",
        "en": "↩ Round {round}: changes requested",
    },
    "ui.col.feedback": {"nl": "Terugkoppeling", "en": "Feedback"},
    "ui.col.comments": {"nl": "Opmerkingen", "en": "Comments"},
    "ui.submit_note": {
        "nl": "Notitie voor de beveiligingsadviseur (optioneel)",
        "en": "Note to the security adviser (optional)",
    },
    "ui.submit_confirm": {
        "nl": "Het dossier gaat naar de beveiligingsadviseur; u kunt het niet meer wijzigen tot die het terugstuurt of goedkeurt.",
        "en": "The dossier goes to the security adviser; you cannot change it until they send it back or approve it.",
    },
    "ui.submit_note_preview": {"nl": "Uw notitie", "en": "Your note"},
    "ui.submit_confirm_yes": {"nl": "Ja, nu indienen", "en": "Yes, submit now"},
    "ui.submit_cancel": {"nl": "Nog niet", "en": "Not yet"},
    "ui.decision_note_help": {
        "nl": "Verplicht als u wijzigingen vraagt. Bij goedkeuren optioneel, bijvoorbeeld voorwaarden; de toelichting komt in de geschiedenis.",
        "en": "Required when you ask for changes. Optional when approving, for example conditions; the note goes into the history.",
    },
    "ui.changes.title": {
        "nl": "Gewijzigd sinds ronde {previous} (nu ronde {round})",
        "en": "Changed since round {previous} (now round {round})",
    },
    "ui.changes.since": {
        "nl": "Vergeleken met de vorige indiening op {when}.",
        "en": "Compared with the previous submission on {when}.",
    },
    "ui.changes.none": {
        "nl": "Geen antwoorden of maatregelen gewijzigd sinds de vorige ronde.",
        "en": "No answers or measures changed since the previous round.",
    },
    "ui.changes.answers": {"nl": "Antwoorden ({count})", "en": "Answers ({count})"},
    "ui.changes.plan": {"nl": "Maatregelenplan ({count})", "en": "Mitigation plan ({count})"},
    "ui.changes.unanswered": {"nl": "niet beantwoord", "en": "not answered"},
    "ui.changes.not_in_plan": {"nl": "niet in het plan", "en": "not in the plan"},
    "ui.changes.edited": {"nl": "gegevens gewijzigd", "en": "details changed"},
    "ui.sso.or": {
        "nl": "Of meld u aan met het account van uw organisatie:",
        "en": "Or sign in with your organisation's account:",
    },
    "ui.sso.sign_in": {"nl": "Inloggen met single sign-on", "en": "Sign in with single sign-on"},
    "ui.sso.sign_out": {"nl": "Afmelden bij single sign-on", "en": "Sign out of single sign-on"},
    "ui.step.award": {"nl": "Gunning: bieders toetsen", "en": "Award: check the bidders"},
    "ui.award.intro": {
        "nl": "Bij de gunning zijn de bieders bekend. Leg per bieder vast waar die gevestigd is, wie eigenaar is, hoe toegang op afstand en updates zouden werken, en of elke eis uit het goedgekeurde plan wordt gehaald. De toets rekent het risico opnieuw uit met de antwoorden van de bieder en alleen de eisen die de bieder haalt ('onbekend' telt als niet gehaald). Een beveiligingsadviseur beoordeelt elke toets (vier ogen).",
        "en": "At award the bidders are known. Record for each bidder where it is registered, who owns it, how remote access and updates would work, and whether it meets each requirement of the approved plan. The check scores the risk again with the bidder's answers and only the requirements it meets ('unknown' counts as not met). A security reviewer reviews every check (four eyes).",
    },
    "ui.award.choose": {"nl": "Bieder", "en": "Bidder"},
    "ui.award.new": {"nl": "+ Nieuwe bieder", "en": "+ New bidder"},
    "ui.award.col.name": {"nl": "Naam bieder", "en": "Bidder name"},
    "ui.award.col.verdict": {"nl": "Uitkomst", "en": "Outcome"},
    "ui.award.col.counts": {"nl": "Gehaald / niet / onbekend", "en": "Met / not / unknown"},
    "ui.award.col.requirement": {"nl": "Eis uit het plan", "en": "Requirement of the plan"},
    "ui.award.col.response": {"nl": "Gehaald?", "en": "Met?"},
    "ui.award.col.note": {
        "nl": "Toelichting (vindplaats in de inschrijving)",
        "en": "Note (where in the bid)",
    },
    "ui.award.registration": {"nl": "Land van vestiging", "en": "Country of registration"},
    "ui.award.parent": {"nl": "Land van het moederbedrijf", "en": "Country of the parent company"},
    "ui.award.ownership": {
        "nl": "Eigendom, UBO's en overheidsinvloed",
        "en": "Ownership, beneficial owners and state influence",
    },
    "ui.award.subcontractors": {
        "nl": "Onderaannemers (naam, land, rol)",
        "en": "Subcontractors (name, country, role)",
    },
    "ui.award.answers": {"nl": "Antwoorden voor deze bieder", "en": "Answers for this bidder"},
    "ui.award.answers_note": {
        "nl": "Vooraf ingevuld met de antwoorden van het dossier (de verwachting); pas aan naar wat de bieder aanbiedt.",
        "en": "Filled in with the dossier's answers (the expectation); change them to what the bidder offers.",
    },
    "ui.award.requirements": {
        "nl": "Eisen uit het goedgekeurde plan",
        "en": "Requirements of the approved plan",
    },
    "ui.award.response.met": {"nl": "Gehaald", "en": "Met"},
    "ui.award.response.not_met": {"nl": "Niet gehaald", "en": "Not met"},
    "ui.award.response.unknown": {"nl": "Onbekend", "en": "Unknown"},
    "ui.award.save": {"nl": "Bieder opslaan", "en": "Save bidder"},
    "ui.award.saved": {"nl": "De bieder is opgeslagen.", "en": "The bidder was saved."},
    "ui.award.submit": {"nl": "Ter beoordeling aanbieden", "en": "Submit for review"},
    "ui.award.submitted": {
        "nl": "De toets is ter beoordeling aangeboden.",
        "en": "The check was submitted for review.",
    },
    "ui.award.status.draft": {"nl": "Concept", "en": "Draft"},
    "ui.award.status.submitted": {"nl": "Ter beoordeling", "en": "In review"},
    "ui.award.status.changes_requested": {"nl": "Wijzigingen gevraagd", "en": "Changes requested"},
    "ui.award.status.approved": {"nl": "Goedgekeurd", "en": "Approved"},
    "ui.award.verdict.fits": {"nl": "Past", "en": "Fits"},
    "ui.award.verdict.conditions": {"nl": "Onder voorwaarden", "en": "With conditions"},
    "ui.award.verdict.does_not_fit": {"nl": "Past niet", "en": "Does not fit"},
    "ui.award.verdict_long.fits": {
        "nl": "{name} haalt alle eisen en geen scenario komt hoger uit dan het plan verwacht.",
        "en": "{name} meets every requirement and no scenario comes out higher than the plan expects.",
    },
    "ui.award.verdict_long.conditions": {
        "nl": "{name} past onder voorwaarden: niet alle eisen zijn (aantoonbaar) gehaald of een scenario komt hoger uit dan het plan verwacht.",
        "en": "{name} fits with conditions: not every requirement is (shown to be) met, or a scenario comes out higher than the plan expects.",
    },
    "ui.award.verdict_long.does_not_fit": {
        "nl": "{name} past niet: een uitsluitingsgrond, geschiktheidseis of harde eis wordt niet gehaald.",
        "en": "{name} does not fit: an exclusion ground, selection criterion or hard requirement is not met.",
    },
    "ui.award.worse": {
        "nl": "{scenario}: plan {plan}, deze bieder {bidder}",
        "en": "{scenario}: plan {plan}, this bidder {bidder}",
    },
    "ui.award.reviewer_note": {"nl": "Beoordelaar:", "en": "Reviewer:"},
    "ui.award.review_title": {"nl": "Bieders bij de gunning", "en": "Bidders at award"},
    "ui.award.approve": {"nl": "Toets goedkeuren", "en": "Approve the check"},
    "ui.award.send_back": {"nl": "Terugsturen", "en": "Send back"},
    "ui.award.decided": {
        "nl": "Het besluit over de bieder is vastgelegd.",
        "en": "The decision on the bidder is recorded.",
    },
    "ui.award.waiting": {
        "nl": "Toetsen van bieders ter beoordeling ({count})",
        "en": "Bidder checks to review ({count})",
    },
    "ui.award.waiting_item": {"nl": "{bidder} — {dossier}", "en": "{bidder} — {dossier}"},
    "ui.award.none": {"nl": "Nog geen bieders vastgelegd.", "en": "No bidders recorded yet."},
    "ui.export.title": {"nl": "Exporteren", "en": "Export"},
    "ui.export.approved_note": {
        "nl": "Het plan is goedgekeurd: de bestanden komen uit de bevroren snapshot en dragen de SHA-256 ervan. Elke export staat in de audittrail.",
        "en": "The plan is approved: the files come from the frozen snapshot and carry its SHA-256. Every export is recorded in the audit trail.",
    },
    "ui.export.draft_note": {
        "nl": "Nog niet goedgekeurd: het plan komt eruit als CONCEPT. Het aanbestedingsdossier komt pas na goedkeuring beschikbaar. Elke export staat in de audittrail.",
        "en": "Not approved yet: the plan comes out as a DRAFT. The tender dossier becomes available after approval. Every export is recorded in the audit trail.",
    },
    "ui.export.archived_note": {
        "nl": "Gearchiveerd: was het plan goedgekeurd, dan komen de bestanden uit die goedkeuring; anders komt het plan eruit als CONCEPT. Elke export staat in de audittrail.",
        "en": "Archived: if the plan was approved, the files come from that approval; otherwise the plan comes out as a DRAFT. Every export is recorded in the audit trail.",
    },
    "ui.export.kind": {"nl": "Document", "en": "Document"},
    "ui.export.kind.plan": {"nl": "Mitigatieplan", "en": "Mitigation plan"},
    "ui.export.kind.tender": {"nl": "Aanbestedingsdossier", "en": "Tender dossier"},
    "ui.export.kind.award": {"nl": "Toets bieders (gunning)", "en": "Bidder check (award)"},
    "ui.export.format": {"nl": "Formaat", "en": "Format"},
    "ui.export.make": {"nl": "Bestand maken", "en": "Make the file"},
    "ui.export.download": {"nl": "Downloaden: {name}", "en": "Download: {name}"},
    "ui.export.hash": {"nl": "Snapshot SHA-256: {sha}", "en": "Snapshot SHA-256: {sha}"},
    "ui.approval": {"nl": "Goedkeuring", "en": "Approval"},
    # Administration
    "ui.display_name": {"nl": "Naam", "en": "Name"},
    "ui.roles": {"nl": "Rollen", "en": "Roles"},
    "ui.active": {"nl": "Actief", "en": "Active"},
    "ui.change_user": {"nl": "Gebruiker wijzigen", "en": "Change a user"},
    "ui.add_user": {"nl": "Gebruiker toevoegen", "en": "Add a user"},
    "ui.password_rule": {"nl": "Minstens 12 tekens.", "en": "At least 12 characters."},
    "ui.save": {"nl": "Opslaan", "en": "Save"},
    "ui.saved": {"nl": "Opgeslagen.", "en": "Saved."},
    "ui.content_intro": {
        "nl": (
            "Elk dossier blijft gekoppeld aan de versie van de vragenlijst waarmee het is begonnen. "
            "Hieronder staan de geladen versies en hoeveel dossiers ze gebruiken."
        ),
        "en": (
            "Every dossier stays pinned to the questionnaire version it started on. Below are the "
            "loaded versions and how many dossiers use them."
        ),
    },
    "ui.col.questionnaire": {"nl": "Vragenlijst", "en": "Questionnaire"},
    "ui.col.questions": {"nl": "Vragen", "en": "Questions"},
    "ui.col.risk_model": {"nl": "Risicomodel", "en": "Risk model"},
    "ui.col.rules": {"nl": "Regels", "en": "Rules"},
    "ui.col.catalogue": {"nl": "Catalogus", "en": "Catalogue"},
    "ui.col.measures": {"nl": "Maatregelen", "en": "Measures"},
    "ui.col.dossiers": {"nl": "Dossiers", "en": "Dossiers"},
    "ui.verify_chain": {"nl": "Keten controleren", "en": "Verify the chain"},
    "ui.chain_broken": {
        "nl": "De audittrail is NIET intact: {problem}.",
        "en": "The audit trail is NOT intact: {problem}.",
    },
    "ui.col.when": {"nl": "Tijdstip", "en": "When"},
    "ui.col.actor": {"nl": "Wie", "en": "Who"},
    "ui.col.action": {"nl": "Actie", "en": "Action"},
    "ui.col.object": {"nl": "Object", "en": "Object"},
    "ui.col.result": {"nl": "Resultaat", "en": "Result"},
    "ui.col.origin": {"nl": "Herkomst", "en": "Origin"},
    "ui.col.hash": {"nl": "Hash", "en": "Hash"},
    # Families: statuses, levels, measure kinds and phases, implementation, roles
    "status.draft": {"nl": "Concept", "en": "Draft"},
    "status.submitted": {"nl": "Ingediend", "en": "Submitted"},
    "status.changes_requested": {"nl": "Wijzigingen gevraagd", "en": "Changes requested"},
    "status.awaiting_acceptance": {
        "nl": "Goedgekeurd, wacht op acceptatie",
        "en": "Approved, awaiting acceptance",
    },
    "status.approved": {"nl": "Goedgekeurd", "en": "Approved"},
    "status.archived": {"nl": "Gearchiveerd", "en": "Archived"},
    "level.low": {"nl": "laag", "en": "low"},
    "level.medium": {"nl": "midden", "en": "medium"},
    "level.high": {"nl": "hoog", "en": "high"},
    "level.very_high": {"nl": "zeer hoog", "en": "very high"},
    "kind.exclusion_ground": {"nl": "Uitsluitingsgrond", "en": "Exclusion ground"},
    "kind.selection_criterion": {"nl": "Geschiktheidseis", "en": "Selection criterion"},
    "kind.requirement": {"nl": "Programma van eisen", "en": "Requirement"},
    "kind.contract_clause": {"nl": "Contractbepaling", "en": "Contract clause"},
    "kind.award_criterion": {"nl": "Gunningscriterium", "en": "Award criterion"},
    "kind.technical": {"nl": "Technisch", "en": "Technical"},
    "kind.organisational": {"nl": "Organisatorisch", "en": "Organisational"},
    "kind.procedural": {"nl": "Procedureel", "en": "Procedural"},
    "phase.before_publication": {"nl": "Vóór publicatie", "en": "Before publication"},
    "phase.in_tender_documents": {
        "nl": "In de aanbestedingsstukken",
        "en": "In the tender documents",
    },
    "phase.at_award": {"nl": "Bij gunning", "en": "At award"},
    "phase.during_contract": {"nl": "Tijdens het contract", "en": "During the contract"},
    "impl.planned": {"nl": "Gepland", "en": "Planned"},
    "impl.in_progress": {"nl": "In uitvoering", "en": "In progress"},
    "impl.implemented": {"nl": "Ingevoerd", "en": "Implemented"},
    "impl.verified": {"nl": "Getoetst", "en": "Verified"},
    "role.officer": {"nl": "Inkoper", "en": "Procurement officer"},
    "role.reviewer": {"nl": "Beveiligingsadviseur", "en": "Security reviewer"},
    "role.risk_owner": {"nl": "Proceseigenaar (risico-eigenaar)", "en": "Risk owner (process owner)"},
    "role.admin": {"nl": "Beheerder", "en": "Administrator"},
    # The part someone played in a step of the review, after their name: "Ruben Bakker
    # (beveiligingsadviseur), beoordelaar" (a display name may already hold a job title).
    "review_role.officer": {"nl": "inkoper", "en": "procurement officer"},
    "review_role.reviewer": {"nl": "beoordelaar", "en": "reviewer"},
    "review_role.risk_owner": {"nl": "risico-eigenaar", "en": "risk owner"},
    "review_role.admin": {"nl": "beheerder", "en": "administrator"},
    "review_role.system": {"nl": "systeem", "en": "system"},
    # A workflow step named in a refusal: "'indienen' kan nu niet".
    "step.submit": {"nl": "indienen", "en": "submit"},
    "step.request_changes": {"nl": "wijzigingen vragen", "en": "request changes"},
    "step.approve": {"nl": "goedkeuren", "en": "approve"},
    "step.reopen": {"nl": "heropenen", "en": "reopen"},
    "step.approve_for_acceptance": {
        "nl": "goedkeuren ter acceptatie",
        "en": "approve for acceptance",
    },
    "step.accept": {"nl": "restrisico accepteren", "en": "accept the residual risk"},
    "step.refuse_acceptance": {"nl": "acceptatie weigeren", "en": "refuse acceptance"},
    "step.change_setup": {
        "nl": "wijziging van de opzet vastleggen",
        "en": "record a change of set-up",
    },
    "step.archive": {"nl": "archiveren", "en": "archive"},
    "step.new_questionnaire": {
        "nl": "overzetten naar een nieuwere vragenlijst",
        "en": "move to a newer questionnaire",
    },
    # A dossier's last change in words ("Dossier 3 is intussen gewijzigd door …").
    "change.status": {"nl": "status gewijzigd in '{status}'", "en": "status changed to '{status}'"},
    "change.answer": {"nl": "een antwoord gewijzigd", "en": "an answer changed"},
    "change.plan": {"nl": "het plan gewijzigd", "en": "the plan changed"},
    "change.questionnaire": {
        "nl": "overgezet naar versie {version} van de vragenlijst",
        "en": "moved to version {version} of the questionnaire",
    },
    "change.created": {"nl": "aangemaakt", "en": "created"},
    "change.imported": {"nl": "ingelezen", "en": "imported"},
}
STRINGS.update(UI_STRINGS)

# What a refused call says is wrong (the ``problem`` of ``err.invalid_field`` and
# ``err.invalid_answer``) and the fields it names. The English text is exactly what the service
# says, ``{name}`` standing for a part that varies; the web interface shows the user's language
# (``quickscan_app.ui.errors``).
PROBLEM_STRINGS: dict[str, dict[Lang, str]] = {
    "problem.user_name": {
        "nl": "1 tot 64 tekens, zonder spaties",
        "en": "1-64 characters, no spaces",
    },
    "problem.one_role": {"nl": "ten minste één rol", "en": "at least one role"},
    "problem.required": {"nl": "verplicht", "en": "required"},
    "problem.field_required": {"nl": "verplicht", "en": "Field required"},
    "problem.owner_officer": {
        "nl": "de eigenaar moet de rol inkoper hebben",
        "en": "the owner must be an officer",
    },
    "problem.no_question": {"nl": "deze vraag bestaat niet", "en": "no such question"},
    "problem.bidder_field": {"nl": "geen gegeven van een bieder", "en": "not a bidder field"},
    "problem.bidder_name": {"nl": "een bieder heeft een naam nodig", "en": "a bidder needs a name"},
    "problem.per_bidder": {"nl": "geen vraag per bieder", "en": "not a per-bidder question"},
    "problem.plan_requirement": {
        "nl": "geen eis uit het goedgekeurde plan",
        "en": "not a requirement of the approved plan",
    },
    "problem.at_most": {"nl": "ten hoogste {limit} tekens", "en": "at most {limit} characters"},
    "problem.string_too_long": {
        "nl": "ten hoogste {limit} tekens",
        "en": "String should have at most {limit} characters",
    },
    "problem.one_of": {"nl": "een van {options}", "en": "one of {options}"},
    "problem.unknown_not_allowed": {
        "nl": "'Weet ik niet' kan bij deze vraag niet",
        "en": "'unknown' is not allowed for this question",
    },
    "problem.option_list": {
        "nl": "verwacht een lijst met keuzes",
        "en": "expected a list of option ids",
    },
    "problem.text": {"nl": "verwacht tekst", "en": "expected text"},
    "problem.control_character": {
        "nl": "stuurteken {code} is niet toegestaan",
        "en": "control character {code} is not allowed",
    },
    "problem.text_too_long": {
        "nl": "tekst langer dan {limit} tekens",
        "en": "text longer than {limit} characters",
    },
    "problem.number": {
        "nl": "verwacht een getal, niet {raw}",
        "en": "expected a number, got {raw}",
    },
    "problem.below_minimum": {
        "nl": "{raw} is lager dan het minimum {minimum}",
        "en": "{raw} is below the minimum {minimum}",
    },
    "problem.above_maximum": {
        "nl": "{raw} is hoger dan het maximum {maximum}",
        "en": "{raw} is above the maximum {maximum}",
    },
    "problem.date": {
        "nl": "verwacht een datum als JJJJ-MM-DD, niet {raw}",
        "en": "expected a date as YYYY-MM-DD, got {raw}",
    },
    "field.name": {"nl": "naam", "en": "name"},
    "field.roles": {"nl": "rollen", "en": "roles"},
    "field.owner": {"nl": "eigenaar", "en": "owner"},
    "field.title": {"nl": "titel", "en": "title"},
    "field.format": {"nl": "formaat", "en": "format"},
    "field.kind": {"nl": "soort", "en": "kind"},
    "field.version": {"nl": "versie", "en": "version"},
    "field.display_name": {"nl": "naam", "en": "display name"},
    "field.reference": {"nl": "kenmerk", "en": "reference"},
    "field.contracting_authority": {"nl": "aanbestedende dienst", "en": "contracting authority"},
    "field.classification": {"nl": "rubricering", "en": "classification"},
    "field.comment": {"nl": "opmerking", "en": "comment"},
    "field.target_id": {"nl": "onderwerp van de opmerking", "en": "subject of the comment"},
    "field.note": {"nl": "toelichting", "en": "note"},
    "field.justification": {"nl": "motivering", "en": "justification"},
}
STRINGS.update(PROBLEM_STRINGS)

# Questionnaire versions: what changed and what it means for a dossier
VERSION_STRINGS: dict[str, dict[Lang, str]] = {
    "diff.summary": {
        "nl": "{id} versie {old} → {new}: {added} toegevoegd, {removed} verwijderd, {changed} gewijzigd",
        "en": "{id} version {old} → {new}: {added} added, {removed} removed, {changed} changed",
    },
    "diff.part.type": {"nl": "soort antwoord", "en": "answer type"},
    "diff.part.text": {"nl": "vraagtekst", "en": "question text"},
    "diff.part.required": {"nl": "verplicht", "en": "required"},
    "diff.part.allow_unknown": {"nl": "'weet ik niet' toegestaan", "en": "'don't know' allowed"},
    "diff.part.unknown_as": {
        "nl": "aanname bij 'weet ik niet'",
        "en": "assumption for 'don't know'",
    },
    "diff.part.visible_if": {
        "nl": "wanneer de vraag verschijnt",
        "en": "when the question appears",
    },
    "diff.part.min": {"nl": "minimum", "en": "minimum"},
    "diff.part.max": {"nl": "maximum", "en": "maximum"},
    "diff.part.options": {"nl": "antwoordopties", "en": "answer options"},
    "ui.version.available": {
        "nl": "Versie {version} van de vragenlijst is uitgebracht: {added} toegevoegd, {removed} verwijderd, {changed} gewijzigd. {dropped}",
        "en": "Version {version} of the questionnaire is out: {added} added, {removed} removed, {changed} changed. {dropped}",
    },
    "ui.version.details": {"nl": "Wat verandert er?", "en": "What changes?"},
    "ui.version.for_this_dossier": {"nl": "Voor dit dossier", "en": "For this dossier"},
    "ui.version.nothing_lost": {
        "nl": "Overzetten maakt een nieuwe versie van het dossier. Alle oude antwoorden blijven in de geschiedenis en een eerdere goedkeuring houdt haar snapshot; een goedgekeurd plan moet opnieuw worden goedgekeurd.",
        "en": "Moving over makes a new version of the dossier. Every old answer stays in the history and an earlier approval keeps its snapshot; an approved plan must be approved again.",
    },
    "ui.version.move": {
        "nl": "Overzetten naar versie {version}",
        "en": "Move to version {version}",
    },
    "ui.version.moved": {
        "nl": "Het dossier staat nu op versie {version} van de vragenlijst.",
        "en": "The dossier is now on version {version} of the questionnaire.",
    },
    "diff.dossier": {"nl": "Dossier {id}:", "en": "Dossier {id}:"},
    "diff.dropped": {"nl": "Vervalt: {question} ({why}).", "en": "Dropped: {question} ({why})."},
    "diff.review": {
        "nl": "Gaat mee, maar de vraag is gewijzigd: bekijk {question} opnieuw.",
        "en": "Carries over, but the question changed: look at {question} again.",
    },
    "diff.new_question": {
        "nl": "Nieuwe vraag te beantwoorden: {question}.",
        "en": "New question to answer: {question}.",
    },
    "diff.measure_dropped": {
        "nl": "Maatregel niet meer in de catalogus: {measure}.",
        "en": "Measure no longer in the catalogue: {measure}.",
    },
    "diff.risk": {
        "nl": "Risico {scenario}: {before} → {after}.",
        "en": "Risk {scenario}: {before} → {after}.",
    },
    "diff.risk_same": {
        "nl": "Geen scenario verandert van niveau.",
        "en": "No scenario changes level.",
    },
}
STRINGS.update(VERSION_STRINGS)

# Exports: the PDF mitigation plan, the tender dossier and their registers
EXPORT_STRINGS: dict[str, dict[Lang, str]] = {
    "exp.plan_title": {
        "nl": "Mitigatieplan nationale veiligheid",
        "en": "National-security mitigation plan",
    },
    "exp.tender_title": {
        "nl": "Aanbestedingsdossier nationale veiligheid",
        "en": "National-security tender dossier",
    },
    "exp.award_title": {"nl": "Toets van de bieders bij gunning", "en": "Bidder check at award"},
    "exp.subject_award": {
        "nl": "De bieders getoetst aan het goedgekeurde mitigatieplan, elk beoordeeld door een beveiligingsadviseur",
        "en": "The bidders checked against the approved mitigation plan, each reviewed by a security reviewer",
    },
    "exp.award_intro": {
        "nl": "Per bieder: de eisen uit het goedgekeurde plan (gehaald, niet gehaald of onbekend), het risico met de antwoorden van de bieder en alleen de gehaalde eisen, en de goedkeuring van de toets met haar SHA-256. Alleen goedgekeurde toetsen staan hierin.",
        "en": "Per bidder: the requirements of the approved plan (met, not met or unknown), the risk with the bidder's answers and only the requirements met, and the approval of the check with its SHA-256. Only approved checks are included.",
    },
    "exp.award.verdict": {"nl": "Uitkomst", "en": "Outcome"},
    "exp.award.residual": {
        "nl": "Restrisico bij deze bieder (plan)",
        "en": "Residual risk with this bidder (plan)",
    },
    "exp.award.worse": {"nl": "Hoger dan het plan verwacht", "en": "Higher than the plan expects"},
    "exp.award.approved": {"nl": "Toets goedgekeurd door", "en": "Check approved by"},
    "exp.subject_plan": {
        "nl": "Quickscan nationale veiligheid: risico's, maatregelen en goedkeuring",
        "en": "National-security quickscan: risks, measures and approval",
    },
    "exp.subject_tender": {
        "nl": "Eisen, contractbepalingen en criteria uit het goedgekeurde mitigatieplan",
        "en": "Requirements, contract clauses and criteria from the approved mitigation plan",
    },
    "exp.concept": {"nl": "CONCEPT", "en": "DRAFT"},
    "exp.concept_note": {
        "nl": "Concept: dit plan is niet goedgekeurd. Gebruik het niet als vastgesteld document.",
        "en": "Draft: this plan has not been approved. Do not use it as an adopted document.",
    },
    "exp.marking_unset": {"nl": "Rubricering niet vastgesteld", "en": "Classification not set"},
    "exp.page": {"nl": "Pagina {page} van {pages}", "en": "Page {page} of {pages}"},
    "exp.field.title": {"nl": "Titel", "en": "Title"},
    "exp.field.reference": {"nl": "Kenmerk", "en": "Reference"},
    "exp.field.authority": {"nl": "Aanbestedende dienst", "en": "Contracting authority"},
    "exp.field.questionnaire": {"nl": "Vragenlijst", "en": "Questionnaire"},
    "exp.field.status": {"nl": "Status", "en": "Status"},
    "exp.field.date": {"nl": "Datum", "en": "Date"},
    "exp.field.revision": {"nl": "Versie dossier", "en": "Dossier revision"},
    "exp.field.classification": {"nl": "Rubricering", "en": "Classification"},
    "exp.field.owner": {"nl": "Opgesteld door", "en": "Prepared by"},
    "exp.field.publication": {"nl": "Geplande publicatie", "en": "Planned publication"},
    "exp.field.cpv": {"nl": "CPV-code", "en": "CPV code"},
    "exp.field.procedure": {"nl": "Procedure", "en": "Procedure"},
    "exp.field.sha256": {"nl": "Snapshot SHA-256", "en": "Snapshot SHA-256"},
    "exp.version": {"nl": "versie {version}", "en": "version {version}"},
    "exp.status_approved": {"nl": "Goedgekeurd", "en": "Approved"},
    "exp.status_concept": {"nl": "Concept (niet goedgekeurd)", "en": "Draft (not approved)"},
    "exp.h.summary": {"nl": "Managementsamenvatting", "en": "Management summary"},
    "exp.h.heatmaps": {"nl": "Risicobeeld", "en": "Risk picture"},
    "exp.h.inherent": {"nl": "Risico zonder maatregelen", "en": "Risk without measures"},
    "exp.h.residual": {
        "nl": "Restrisico met gekozen maatregelen",
        "en": "Residual risk with the chosen measures",
    },
    "exp.h.register": {"nl": "Risicoregister", "en": "Risk register"},
    "exp.h.measures": {"nl": "Maatregelen", "en": "Measures"},
    "exp.h.rejected": {"nl": "Afgewezen voorstellen", "en": "Rejected proposals"},
    "exp.h.open_points": {"nl": "Open punten", "en": "Open points"},
    "exp.h.answers": {"nl": "Bijlage A. Antwoorden", "en": "Annex A. Answers"},
    "exp.h.approvals": {"nl": "Bijlage B. Goedkeuring", "en": "Annex B. Approval"},
    "exp.h.audit": {"nl": "Bijlage C. Uittreksel audittrail", "en": "Annex C. Audit trail extract"},
    "exp.h.escalations": {"nl": "Escalaties", "en": "Escalations"},
    "exp.h.contents": {"nl": "Inhoud", "en": "Contents"},
    "exp.summary.overall": {
        "nl": "Risiconiveau zonder maatregelen",
        "en": "Risk level without measures",
    },
    "exp.summary.residual": {
        "nl": "Restrisico met de gekozen maatregelen",
        "en": "Residual risk with the chosen measures",
    },
    "exp.summary.full_yes": {
        "nl": "Een volledige risicoanalyse is nodig: minstens één scenario is hoog of hoger.",
        "en": "A full risk analysis is required: at least one scenario is high or above.",
    },
    "exp.summary.full_no": {
        "nl": "Een volledige risicoanalyse is niet nodig: geen scenario is hoog of hoger.",
        "en": "A full risk analysis is not required: no scenario is high or above.",
    },
    "exp.summary.counts": {
        "nl": "{scenarios} beoordeeld, {high} hoog of hoger; {measures} gekozen; {open}.",
        "en": "{scenarios} assessed, {high} high or above; {measures} chosen; {open}.",
    },
    "exp.no_escalations": {"nl": "Geen escalaties.", "en": "No escalations."},
    "exp.no_measures": {"nl": "Geen maatregelen gekozen.", "en": "No measures chosen."},
    "exp.no_open_points": {
        "nl": "Geen open punten: alle vragen zijn beantwoord.",
        "en": "No open points: every question is answered.",
    },
    "exp.not_answered": {"nl": "niet beantwoord", "en": "not answered"},
    "exp.heatmap_axes": {
        "nl": "Kans (verticaal) × impact (horizontaal)",
        "en": "Likelihood (vertical) × impact (horizontal)",
    },
    "exp.heatmap_numbers": {
        "nl": "De cijfers in de vakken zijn de nummers van de scenario's:",
        "en": "The numbers in the cells are the scenarios:",
    },
    "exp.h.measure_ids": {
        "nl": "Bijlage D. Kenmerken van de maatregelen",
        "en": "Annex D. Measure identifiers",
    },
    "exp.measure_ids_intro": {
        "nl": "Het kenmerk waaronder elke maatregel in de maatregelencatalogus, de registers (XLSX, JSON) en de audittrail staat, in de volgorde van hoofdstuk 4.",
        "en": "The identifier of each measure in the measure catalogue, the registers (XLSX, JSON) and the audit trail, in the order of chapter 4.",
    },
    "exp.col.username": {"nl": "Gebruikersnaam", "en": "User name"},
    "exp.audit.result.success": {"nl": "uitgevoerd", "en": "done"},
    "exp.audit.result.denied": {"nl": "geweigerd", "en": "refused"},
    "exp.audit.result.failure": {"nl": "mislukt", "en": "failed"},
    "exp.audit.actor.system": {"nl": "systeem", "en": "system"},
    "exp.audit.action.dossier.create": {"nl": "Dossier aangemaakt", "en": "Dossier created"},
    "exp.audit.action.dossier.import": {"nl": "Dossier ingelezen", "en": "Dossier imported"},
    "exp.audit.action.dossier.submit": {"nl": "Ingediend ter beoordeling", "en": "Submitted for review"},
    "exp.audit.action.dossier.request_changes": {"nl": "Wijzigingen gevraagd", "en": "Changes requested"},
    "exp.audit.action.dossier.approve": {"nl": "Goedgekeurd", "en": "Approved"},
    "exp.audit.action.dossier.reopen": {"nl": "Heropend", "en": "Reopened"},
    "exp.audit.action.dossier.accept": {
        "nl": "Restrisico geaccepteerd",
        "en": "Residual risk accepted",
    },
    "exp.audit.action.dossier.refuse_acceptance": {
        "nl": "Acceptatie van het restrisico geweigerd",
        "en": "Acceptance of the residual risk refused",
    },
    "exp.audit.action.dossier.change_setup": {
        "nl": "Wijziging van de opzet vastgelegd",
        "en": "Change of set-up recorded",
    },
    "exp.audit.action.dossier.archive": {"nl": "Gearchiveerd", "en": "Archived"},
    "exp.audit.action.dossier.new_questionnaire": {
        "nl": "Overgezet op een nieuwe versie van de vragenlijst",
        "en": "Moved to a new questionnaire version",
    },
    "exp.audit.action.dossier.export": {"nl": "Geëxporteerd", "en": "Exported"},
    "exp.audit.action.dossier.read": {"nl": "Ingezien", "en": "Viewed"},
    "exp.audit.action.comment.add": {"nl": "Opmerking geplaatst", "en": "Comment added"},
    "exp.audit.action.answer.save": {"nl": "Antwoord opgeslagen", "en": "Answer saved"},
    "exp.audit.action.plan.select": {"nl": "Maatregel gekozen", "en": "Measure chosen"},
    "exp.audit.action.plan.reject": {"nl": "Voorstel afgewezen", "en": "Proposal rejected"},
    "exp.audit.action.plan.deselect": {"nl": "Maatregel uit het plan gehaald", "en": "Measure taken out of the plan"},
    "exp.audit.action.bidder.add": {"nl": "Inschrijver toegevoegd", "en": "Bidder added"},
    "exp.col.scenario": {"nl": "Scenario", "en": "Scenario"},
    "exp.col.likelihood": {"nl": "Kans", "en": "Likelihood"},
    "exp.col.impact": {"nl": "Impact", "en": "Impact"},
    "exp.col.level": {"nl": "Niveau", "en": "Level"},
    "exp.col.residual_level": {"nl": "Restniveau", "en": "Residual level"},
    "exp.escalation_assumed": {
        "nl": "Dit is een aanname: het volgt alleen uit ‘weet ik niet’ bij",
        "en": "This is an assumption: it follows only from ‘don't know’ at",
    },
    "exp.col.reasons": {"nl": "Redenen", "en": "Reasons"},
    "exp.col.measure": {"nl": "Maatregel", "en": "Measure"},
    "exp.col.measure_id": {"nl": "Maatregel-id", "en": "Measure id"},
    "exp.col.kind": {"nl": "Soort", "en": "Kind"},
    "exp.col.phase": {"nl": "Fase", "en": "Phase"},
    "exp.col.owner": {"nl": "Eigenaar", "en": "Owner"},
    "exp.col.due": {"nl": "Uiterlijk", "en": "Due"},
    "exp.col.status": {"nl": "Voortgang", "en": "Progress"},
    "exp.col.controls": {"nl": "BIO2 / ISO 27002", "en": "BIO2 / ISO 27002"},
    "exp.col.scenarios": {"nl": "Scenario's", "en": "Scenarios"},
    "exp.col.scenario_numbers": {"nl": "Scenario's (nr.)", "en": "Scenarios (no.)"},
    "exp.col.justification": {"nl": "Onderbouwing", "en": "Justification"},
    "exp.col.question": {"nl": "Vraag", "en": "Question"},
    "exp.col.answer": {"nl": "Antwoord", "en": "Answer"},
    "exp.col.assumed": {"nl": "Gerekend als", "en": "Scored as"},
    "exp.col.section": {"nl": "Onderdeel", "en": "Part"},
    "exp.col.number": {"nl": "Nr.", "en": "No."},
    "exp.col.text": {
        "nl": "Tekst voor de aanbestedingsstukken",
        "en": "Text for the tender documents",
    },
    "exp.col.approver": {"nl": "Goedgekeurd door", "en": "Approved by"},
    "exp.col.accepted_by": {"nl": "Geaccepteerd door", "en": "Accepted by"},
    "exp.col.role": {"nl": "Rol", "en": "Role"},
    "exp.col.when": {"nl": "Tijdstip", "en": "When"},
    "exp.col.round": {"nl": "Ronde", "en": "Round"},
    "exp.col.step": {"nl": "Stap", "en": "Step"},
    "exp.col.note": {"nl": "Notitie", "en": "Note"},
    "exp.field.approval_note": {"nl": "Notitie en voorwaarden", "en": "Note and conditions"},
    "exp.field.review_date": {"nl": "Herbeoordelen uiterlijk op", "en": "Review at the latest on"},
    "exp.field.acceptance_reasons": {"nl": "Motivering", "en": "Reasons"},
    "exp.field.acceptance_conditions": {"nl": "Voorwaarden", "en": "Conditions"},
    "exp.h.acceptance": {
        "nl": "Acceptatie van het restrisico",
        "en": "Acceptance of the residual risk",
    },
    "exp.acceptance_text": {
        "nl": "Het restrisico na de gekozen maatregelen is hoog of zeer hoog. De proceseigenaar heeft het als risico-eigenaar geaccepteerd (ISO/IEC 27001:2022, 6.1.3 f), onder de voorwaarden hieronder als die zijn gesteld, tot de herbeoordelingsdatum; pas daarmee is het plan goedgekeurd.",
        "en": "The residual risk after the chosen measures is high or very high. The process owner accepted it as risk owner (ISO/IEC 27001:2022, 6.1.3 f), on the conditions below where any were set, until the review date; only with that is the plan approved.",
    },
    "exp.h.review": {"nl": "Verloop van de beoordeling", "en": "Course of the review"},
    "exp.review_text": {
        "nl": "Elke indiening van deze versie van het plan met de notitie van de inkoper, en elk besluit met de notitie van de beoordelaar, per ronde.",
        "en": "Each submission of this version of the plan with the officer's note, and each decision with the reviewer's note, by round.",
    },
    "exp.verify_command": {
        "nl": "quickscan export verify <bestand>",
        "en": "quickscan export verify <file>",
    },
    "exp.col.seq": {"nl": "Nr.", "en": "No."},
    "exp.col.actor": {"nl": "Wie", "en": "Who"},
    "exp.col.action": {"nl": "Actie", "en": "Action"},
    "exp.col.result": {"nl": "Resultaat", "en": "Result"},
    "exp.col.hash": {"nl": "Hash (begin)", "en": "Hash (start)"},
    "exp.field.marker": {"nl": "Exportkenmerk", "en": "Export marker"},
    "exp.col.snapshot": {"nl": "snapshot_sha256", "en": "snapshot_sha256"},
    "exp.approval_text": {
        "nl": "Dit plan is goedgekeurd volgens het vier-ogenprincipe. De SHA-256 hieronder is de vingerafdruk van de bevroren snapshot waaruit dit document is gemaakt. Of een bestand ongewijzigd uit deze goedkeuring komt, controleert de beheerder van Quickscan met deze opdracht:",
        "en": "This plan was approved under the four-eyes principle. The SHA-256 below is the fingerprint of the frozen snapshot this document was made from. The Quickscan administrator checks that a file comes unchanged from this approval with this command:",
    },
    "exp.no_approval": {
        "nl": "Nog niet goedgekeurd. De SHA-256 hieronder hoort bij de huidige stand van het concept en bij geen enkele goedkeuring.",
        "en": "Not approved yet. The SHA-256 below belongs to the current state of the draft and to no approval.",
    },
    "exp.audit_text": {
        "nl": "Gebeurtenissen rond dit dossier tot en met de goedkeuring, uit de hash-geketende audittrail ({answers} en {plan} niet afzonderlijk getoond).",
        "en": "Events on this dossier up to and including the approval, from the hash-chained audit trail ({answers} and {plan} not listed one by one).",
    },
    "exp.audit_text_draft": {
        "nl": "Gebeurtenissen rond dit dossier tot nu toe, uit de hash-geketende audittrail ({answers} en {plan} niet afzonderlijk getoond).",
        "en": "Events on this dossier so far, from the hash-chained audit trail ({answers} and {plan} not listed one by one).",
    },
    "exp.tender_intro": {
        "nl": "Deze teksten komen uit het goedgekeurde mitigatieplan van dit dossier. Neem ze op in de aanbestedingsstukken op de plaats die het hoofdstuk noemt. Teksten tussen [rechte haken] vult u zelf in.",
        "en": "These texts come from this dossier's approved mitigation plan. Put them in the tender documents where the chapter says. Fill in the texts in [square brackets] yourself.",
    },
    "exp.tender.preparation": {
        "nl": "Voorbereiding vóór publicatie",
        "en": "Preparation before publication",
    },
    "exp.tender.preparation.intro": {
        "nl": "Stappen die de opdrachtgever zet voordat de aanbesteding wordt gepubliceerd.",
        "en": "Steps the buyer takes before the tender is published.",
    },
    "exp.tender.nda": {
        "nl": "Geheimhouding vóór het verzoek om offerte",
        "en": "Confidentiality before the request for quotation",
    },
    "exp.tender.nda.intro": {
        "nl": "Te tekenen vóór vertrouwelijke stukken of het verzoek om offerte worden verstrekt.",
        "en": "To be signed before confidential documents or the request for quotation are released.",
    },
    "exp.tender.exclusion_selection": {
        "nl": "Uitsluitingsgronden en geschiktheidseisen",
        "en": "Exclusion grounds and selection criteria",
    },
    "exp.tender.exclusion_selection.intro": {
        "nl": "Op te nemen in de selectieleidraad of het beschrijvend document.",
        "en": "For the selection guidelines or the descriptive document.",
    },
    "exp.tender.requirements": {"nl": "Programma van eisen", "en": "Programme of requirements"},
    "exp.tender.requirements.intro": {
        "nl": "Eisen aan de oplossing en de dienstverlening; knock-out tenzij anders vermeld.",
        "en": "Requirements for the solution and the service; knock-out unless stated otherwise.",
    },
    "exp.tender.contract_clauses": {"nl": "Contractbepalingen", "en": "Contract clauses"},
    "exp.tender.contract_clauses.intro": {
        "nl": "Op te nemen in de (concept)overeenkomst; de algemene voorwaarden van de leverancier zijn niet van toepassing.",
        "en": "For the (draft) contract; the supplier's general terms do not apply.",
    },
    "exp.tender.award_criteria": {"nl": "Gunningscriteria", "en": "Award criteria"},
    "exp.tender.award_criteria.intro": {
        "nl": "Kwalitatieve criteria voor de beoordeling van de inschrijvingen.",
        "en": "Qualitative criteria for evaluating the tenders.",
    },
    "exp.tender.contract_management": {
        "nl": "Contractbeheer tijdens de uitvoering",
        "en": "Contract management during performance",
    },
    "exp.tender.contract_management.intro": {
        "nl": "Afspraken en controles die de opdrachtgever tijdens het contract uitvoert.",
        "en": "Arrangements and checks the buyer carries out during the contract.",
    },
    "exp.h.sources": {"nl": "Bijlage: herkomst van de teksten", "en": "Annex: where the texts come from"},
    "exp.sources_intro": {
        "nl": "Voor de opdrachtgever, niet voor de aanbestedingsstukken: bij elke tekst de maatregel uit het plan, de fase en de BIO2- en ISO/IEC 27002-verwijzingen die de opdrachtgever ermee invult.",
        "en": "For the buyer, not for the tender documents: for each text the plan's measure, its phase and the BIO2 and ISO/IEC 27002 references the buyer meets with it.",
    },
    "exp.no_tender_texts": {
        "nl": "Het goedgekeurde plan bevat geen maatregelen met tekst voor de aanbestedingsstukken.",
        "en": "The approved plan holds no measures with text for the tender documents.",
    },
    "exp.sheet.register": {"nl": "Risicoregister", "en": "Risk register"},
    "exp.sheet.measures": {"nl": "Maatregelen", "en": "Measures"},
    "exp.sheet.tender": {"nl": "Eisen en bepalingen", "en": "Requirements and clauses"},
    "exp.sheet.about": {"nl": "Verantwoording", "en": "About"},
    "exp.verify.match": {
        "nl": "OK: dit {format}-bestand ({kind}) is precies wat de goedgekeurde snapshot {sha} oplevert: dossier {dossier} '{title}', versie {revision}, goedgekeurd door {approver} op {when}.",
        "en": "OK: this {format} file ({kind}) is exactly what approved snapshot {sha} gives: dossier {dossier} '{title}', revision {revision}, approved by {approver} on {when}.",
    },
    "exp.verify.changed": {
        "nl": "AFWIJKEND: dit {format}-bestand noemt de goedgekeurde snapshot {sha} (dossier {dossier} '{title}', versie {revision}), maar de inhoud wijkt af van wat die snapshot oplevert. Het bestand is gewijzigd of door een andere versie van Quickscan gemaakt.",
        "en": "DIFFERS: this {format} file names approved snapshot {sha} (dossier {dossier} '{title}', revision {revision}), but its content differs from what that snapshot gives. The file was changed or made by another version of Quickscan.",
    },
    "exp.verify.unapproved": {
        "nl": "NIET GOEDGEKEURD: dit {format}-bestand noemt snapshot {sha}, maar die is in deze database nooit goedgekeurd (een concept, of een andere database).",
        "en": "NOT APPROVED: this {format} file names snapshot {sha}, but that snapshot was never approved in this database (a draft, or another database).",
    },
    "exp.verify.unmarked": {
        "nl": "ONBEKEND: dit {format}-bestand noemt geen Quickscan-snapshot; het komt niet uit deze tool of het kenmerk is verwijderd.",
        "en": "UNKNOWN: this {format} file names no Quickscan snapshot; it does not come from this tool or its marker was removed.",
    },
}
STRINGS.update(EXPORT_STRINGS)

# The audit trail's verification: what is wrong (``audit.problem.<code>``), and its key.
AUDIT_STRINGS: dict[str, dict[Lang, str]] = {
    "audit.problem.head_missing": {
        "nl": "de kop van de keten ontbreekt",
        "en": "the chain head is missing",
    },
    "audit.problem.missing": {
        "nl": "gebeurtenis {seq} ontbreekt",
        "en": "event {seq} is missing",
    },
    "audit.problem.unlinked": {
        "nl": "gebeurtenis {seq} sluit niet aan op gebeurtenis {before}",
        "en": "event {seq} does not follow event {before}",
    },
    "audit.problem.altered": {
        "nl": "gebeurtenis {seq} is gewijzigd (of zonder de auditsleutel geschreven)",
        "en": "event {seq} was altered (or written without the audit key)",
    },
    "audit.problem.bad_switch": {
        "nl": "gebeurtenis {seq} wisselt van sleutel, maar niet vanaf de sleutel waarmee de keten tot daar verzegeld is",
        "en": "event {seq} switches keys, but not from the key the chain is sealed with up to there",
    },
    "audit.problem.unknown_key": {
        "nl": "gebeurtenis {seq} en later zijn verzegeld met sleutel {key}, die niet is ingesteld (QUICKSCAN_AUDIT_KEY of QUICKSCAN_AUDIT_RETIRED_KEYS)",
        "en": "event {seq} and later are sealed with key {key}, which is not configured (QUICKSCAN_AUDIT_KEY or QUICKSCAN_AUDIT_RETIRED_KEYS)",
    },
    "audit.problem.past_head": {
        "nl": "gebeurtenissen {first} tot en met {last} staan na de kop van de keten (die noemt {head})",
        "en": "events {first} to {last} lie past the chain head (which names {head})",
    },
    "audit.problem.short": {
        "nl": "de keten houdt op bij gebeurtenis {last}, maar de kop noemt {head}: het einde is verwijderd",
        "en": "the chain ends at event {last} but the head says {head}: its end was deleted",
    },
    "audit.problem.head_hash": {
        "nl": "de kop van de keten past niet bij gebeurtenis {seq}",
        "en": "the chain head does not match event {seq}",
    },
    "audit.problem.head_forged": {
        "nl": "de kop van de keten is niet met de auditsleutel verzegeld: hij is verplaatst, mogelijk over verwijderde gebeurtenissen heen (laatste gebeurtenis {seq})",
        "en": "the chain head is not sealed with the audit key: it was moved, perhaps back over deleted events (last event {seq})",
    },
    "audit.problem.keyed_part_gone": {
        "nl": "de kop noemt sleutel {key}, maar de keten heeft geen overstap naar een sleutel: het verzegelde deel is verwijderd",
        "en": "the head names key {key}, but the chain holds no switch-over to a key: its sealed part was removed",
    },
    "audit.problem.not_keyed": {
        "nl": "er is een auditsleutel ingesteld ({key}), maar de keten is nooit naar een sleutel overgestapt: het verzegelde deel is verwijderd",
        "en": "an audit key is configured ({key}), but the chain never switched over to a key: its sealed part was removed",
    },
    "audit.problem.old_key": {
        "nl": "de keten eindigt verzegeld met een oudere sleutel; de overstap naar de huidige sleutel ({key}) ontbreekt: het einde is verwijderd",
        "en": "the chain ends sealed with an older key; the switch-over to the current key ({key}) is missing: its end was removed",
    },
    "audit.problem.approval": {
        "nl": "de goedkeuring van dossier {dossier} (snapshot {sha}) is niet de goedkeuring die de audittrail vastlegde: de snapshot is in de database vervangen",
        "en": "the approval of dossier {dossier} (snapshot {sha}) is not the one the audit trail recorded: the snapshot was replaced in the database",
    },
    "audit.problem.bidder": {
        "nl": "de goedgekeurde toets van inschrijver {bidder} (dossier {dossier}, snapshot {sha}) is niet de toets die de audittrail vastlegde: de snapshot is in de database vervangen",
        "en": "the approved check of bidder {bidder} (dossier {dossier}, snapshot {sha}) is not the one the audit trail recorded: the snapshot was replaced in the database",
    },
    "audit.keyed_from": {
        "nl": "Verzegeld met de auditsleutel vanaf gebeurtenis {seq}; de gebeurtenissen daarvoor zijn met SHA-256 geketend.",
        "en": "Sealed with the audit key from event {seq}; the events before it are chained with SHA-256.",
    },
    "audit.keyed_all": {
        "nl": "Verzegeld met de auditsleutel vanaf de eerste gebeurtenis.",
        "en": "Sealed with the audit key from the first event on.",
    },
    "audit.unkeyed": {
        "nl": "NIET met een sleutel verzegeld: wie in de database kan schrijven, kan de hele keten herschrijven. Stel QUICKSCAN_AUDIT_KEY in.",
        "en": "NOT sealed with a key: anyone who can write to the database can rewrite the whole chain. Set QUICKSCAN_AUDIT_KEY.",
    },
    "exp.verify.forged": {
        "nl": "VERVALST: dit {format}-bestand noemt snapshot {sha} en de database heeft daarvoor een goedkeuring (dossier {dossier}), maar de audittrail heeft die goedkeuring nooit vastgelegd: zij is in de database vervangen of ingevoegd.",
        "en": "FORGED: this {format} file names snapshot {sha} and the database holds an approval for it (dossier {dossier}), but the audit trail never recorded that approval: it was replaced or inserted in the database.",
    },
    "exp.verify.tampered": {
        "nl": "GEMANIPULEERD: dit {format}-bestand noemt snapshot {sha}; de audittrail legde die goedkeuring vast, maar de goedkeuring in de database ontbreekt of is vervangen. De database is gewijzigd: vertrouw geen export van dit dossier voordat dit is uitgezocht.",
        "en": "TAMPERED: this {format} file names snapshot {sha}; the audit trail recorded that approval, but the approval in the database is missing or was replaced. The database was changed: trust no export of this dossier until this is sorted out.",
    },
}
STRINGS.update(AUDIT_STRINGS)


# The portfolio's risk over time and its overdue re-assessments.
TREND_STRINGS: dict[str, dict[Lang, str]] = {
    "ui.trend.title": {"nl": "Risico in de tijd", "en": "Risk over time"},
    "ui.trend.span": {"nl": "Periode", "en": "Period"},
    "ui.trend.months": {"nl": "{count} maanden", "en": "{count} months"},
    "ui.trend.month_end": {"nl": "Einde maand", "en": "End of month"},
    "ui.trend.level": {"nl": "Niveau", "en": "Level"},
    "ui.trend.alt": {
        "nl": "{title}: gestapelde staven met het aantal dossiers per niveau aan het einde van elke maand. De cijfers staan in de tabel onder de grafieken.",
        "en": "{title}: stacked bars with the number of dossiers per level at the end of each month. The figures are in the table below the charts.",
    },
    "ui.trend.summary": {
        "nl": "Op {day}: {dossiers}, waarvan {residual} met een restrisico hoog of zeer hoog en {inherent} met een risico zonder maatregelen hoog of zeer hoog.",
        "en": "On {day}: {dossiers}, {residual} of them with a residual risk high or very high and {inherent} with a risk without measures high or very high.",
    },
    "ui.trend.note": {
        "nl": "Elk dossier telt aan het einde van een maand met de laatste beoordeling die toen vastlag: een goedkeuring, of de huidige stand vanaf de laatste wijziging. Daarvóór telt het met zijn eerste vastgelegde beoordeling; wat een concept tussendoor doormaakte, staat er niet in. Het filter kiest de dossiers zoals ze nu zijn; gearchiveerde tellen tot hun archivering.",
        "en": "Each dossier counts at the end of a month with the latest assessment recorded by then: an approval, or its current state from its last change on. Before that it counts with its first recorded assessment; what a draft went through in between is not shown. The filter picks the dossiers as they are now; archived ones count until they were archived.",
    },
    "ui.trend.figures": {"nl": "Cijfers per maand", "en": "Figures per month"},
    "ui.trend.col.inherent": {
        "nl": "Zonder maatregelen: {level}",
        "en": "Without measures: {level}",
    },
    "ui.trend.col.residual": {"nl": "Restrisico: {level}", "en": "Residual risk: {level}"},
    "ui.trend.none": {
        "nl": "Geen dossiers in deze periode.",
        "en": "No dossiers in this period.",
    },
    "ui.due.title": {"nl": "Herbeoordeling nodig", "en": "Re-assessment due"},
    "ui.due.intro": {
        "nl": "Plannen die opnieuw beoordeeld moeten worden: de herbeoordelingsdatum is bereikt, de opzet is gewijzigd of er is een nieuwere vragenlijst. Het langst nodig eerst.",
        "en": "Plans to be assessed again: the review date has come, the set-up changed or a newer questionnaire is loaded. Longest due first.",
    },
    "ui.due.none": {
        "nl": "Geen herbeoordeling over datum.",
        "en": "No re-assessment overdue.",
    },
    "ui.due.col.reason": {"nl": "Waarom", "en": "Why"},
    "ui.due.reason.review_date": {"nl": "herbeoordelingsdatum verstreken", "en": "review date passed"},
    "ui.due.reason.triggered": {"nl": "opzet gewijzigd", "en": "set-up changed"},
    "ui.due.reason.questionnaire": {"nl": "nieuwere vragenlijst", "en": "newer questionnaire"},
    "ui.due.col.review": {"nl": "Herbeoordelen uiterlijk", "en": "Review by"},
    "ui.due.col.days": {"nl": "Dagen nodig", "en": "Days due"},
}
STRINGS.update(TREND_STRINGS)


# Texts with a count: the form Babel's plural rules pick for the count (``one`` or ``other`` in
# Dutch and English), filled in by ``i18n.plural`` with ``{count}`` written as a number.
PLURALS: dict[str, dict[Lang, dict[str, str]]] = {
    "count.dossiers": {
        "nl": {"one": "{count} dossier", "other": "{count} dossiers"},
        "en": {"one": "{count} dossier", "other": "{count} dossiers"},
    },
    "count.measures": {
        "nl": {"one": "{count} maatregel", "other": "{count} maatregelen"},
        "en": {"one": "{count} measure", "other": "{count} measures"},
    },
    "count.questions": {
        "nl": {"one": "{count} vraag", "other": "{count} vragen"},
        "en": {"one": "{count} question", "other": "{count} questions"},
    },
    "count.scenarios": {
        "nl": {"one": "{count} scenario", "other": "{count} scenario's"},
        "en": {"one": "{count} scenario", "other": "{count} scenarios"},
    },
    "count.open_points": {
        "nl": {"one": "{count} open punt", "other": "{count} open punten"},
        "en": {"one": "{count} open point", "other": "{count} open points"},
    },
    "count.answer_changes": {
        "nl": {"one": "{count} antwoordwijziging", "other": "{count} antwoordwijzigingen"},
        "en": {"one": "{count} answer change", "other": "{count} answer changes"},
    },
    "count.plan_changes": {
        "nl": {"one": "{count} planwijziging", "other": "{count} planwijzigingen"},
        "en": {"one": "{count} plan change", "other": "{count} plan changes"},
    },
    "ui.comments": {
        "nl": {"one": "{count} opmerking", "other": "{count} opmerkingen"},
        "en": {"one": "{count} comment", "other": "{count} comments"},
    },
    "ui.deadline_warning": {
        "nl": {
            "one": "{count} dossier wordt binnen zes weken gepubliceerd terwijl het plan nog niet is goedgekeurd.",
            "other": "{count} dossiers worden binnen zes weken gepubliceerd terwijl het plan nog niet is goedgekeurd.",
        },
        "en": {
            "one": "{count} dossier is published within six weeks while the plan is not approved.",
            "other": "{count} dossiers are published within six weeks while the plan is not approved.",
        },
    },
    "ui.progress": {
        "nl": {
            "one": "{done} van {count} verplichte vraag beantwoord",
            "other": "{done} van {count} verplichte vragen beantwoord",
        },
        "en": {
            "one": "{done} of {count} required question answered",
            "other": "{done} of {count} required questions answered",
        },
    },
    "ui.required_open_here": {
        "nl": {
            "one": "In deze stap staat nog {count} verplichte vraag open. Beantwoord die, of kies 'Weet ik niet' als dat kan. Klik nogmaals op 'Volgende' om toch verder te gaan.",
            "other": "In deze stap staan nog {count} verplichte vragen open. Beantwoord ze, of kies 'Weet ik niet' waar dat kan. Klik nogmaals op 'Volgende' om toch verder te gaan.",
        },
        "en": {
            "one": "{count} required question in this step is still open. Answer it, or choose 'Don't know' if possible. Click 'Next' again to go on anyway.",
            "other": "{count} required questions in this step are still open. Answer them, or choose 'Don't know' where possible. Click 'Next' again to go on anyway.",
        },
    },
    "ui.cannot_submit_yet": {
        "nl": {
            "one": "Nog {count} verplichte vraag open; indienen kan pas als alles is beantwoord:",
            "other": "Nog {count} verplichte vragen open; indienen kan pas als alles is beantwoord:",
        },
        "en": {
            "one": "{count} required question is still open; you can submit once all are answered:",
            "other": "{count} required questions are still open; you can submit once all are answered:",
        },
    },
    "ui.submit_summary.points": {
        "nl": {
            "one": "{count} antwoord is 'weet ik niet'",
            "other": "{count} antwoorden zijn 'weet ik niet'",
        },
        "en": {
            "one": "{count} answer is 'don't know'",
            "other": "{count} answers are 'don't know'",
        },
    },
    "ui.content_missing": {
        "nl": {
            "one": "{count} dossier gebruikt {id} v{version}, maar die versie is niet geladen.",
            "other": "{count} dossiers gebruiken {id} v{version}, maar die versie is niet geladen.",
        },
        "en": {
            "one": "{count} dossier uses {id} v{version}, but that version is not loaded.",
            "other": "{count} dossiers use {id} v{version}, but that version is not loaded.",
        },
    },
    "ui.chain_intact": {
        "nl": {
            "one": "De audittrail is intact: {count} gebeurtenis.",
            "other": "De audittrail is intact: {count} gebeurtenissen.",
        },
        "en": {
            "one": "The audit trail is intact: {count} event.",
            "other": "The audit trail is intact: {count} events.",
        },
    },
    "ui.version.dropped": {
        "nl": {
            "one": "Bij overzetten vervalt {count} van uw antwoorden.",
            "other": "Bij overzetten vervallen {count} van uw antwoorden.",
        },
        "en": {
            "one": "Moving over drops {count} of your answers.",
            "other": "Moving over drops {count} of your answers.",
        },
    },
    "diff.kept": {
        "nl": {"one": "{count} antwoord gaat mee.", "other": "{count} antwoorden gaan mee."},
        "en": {"one": "{count} answer carries over.", "other": "{count} answers carry over."},
    },
    "diff.trimmed": {
        "nl": {
            "one": "Gaat mee zonder de vervallen optie {options}: {question}.",
            "other": "Gaat mee zonder de vervallen opties {options}: {question}.",
        },
        "en": {
            "one": "Carries over without the removed option {options}: {question}.",
            "other": "Carries over without the removed options {options}: {question}.",
        },
    },
}


# The inbox ("Te doen"): what waits for a user, on its page and in the daily e-mail digest.
INBOX_STRINGS: dict[str, dict[Lang, str]] = {
    "ui.page.inbox": {"nl": "Te doen", "en": "To do"},
    "ui.inbox.intro": {
        "nl": "Wat op u wacht, per soort en het oudste eerst. Kies een dossier om het te openen op de plek waar u verder moet.",
        "en": "What waits for you, by kind and oldest first. Choose a dossier to open it where you need to act.",
    },
    "ui.inbox.empty": {"nl": "Er wacht nu niets op u.", "en": "Nothing is waiting for you now."},
    "inbox.kind.review": {"nl": "Plannen te beoordelen", "en": "Plans to review"},
    "inbox.kind.accept": {"nl": "Restrisico te accepteren", "en": "Residual risk to accept"},
    "inbox.kind.bidder_check": {
        "nl": "Toetsen van inschrijvers te beslissen",
        "en": "Bidder checks to decide",
    },
    "inbox.kind.sent_back": {
        "nl": "Teruggestuurd met gevraagde wijzigingen",
        "en": "Sent back with changes requested",
    },
    "inbox.kind.comments": {"nl": "Opmerkingen te beantwoorden", "en": "Comments to answer"},
    "inbox.kind.deadline": {
        "nl": "Publicatie binnen zes weken, plan niet goedgekeurd",
        "en": "Publication within six weeks, plan not approved",
    },
    "inbox.kind.reassess": {"nl": "Herbeoordeling nodig", "en": "Re-assessment due"},
    "inbox.todo.review": {"nl": "Beoordeel het plan.", "en": "Review the plan."},
    "inbox.todo.accept": {
        "nl": "Accepteer het restrisico of weiger het.",
        "en": "Accept the residual risk or refuse it.",
    },
    "inbox.todo.bidder_check": {
        "nl": "Beslis over de toets van inschrijver {bidder}.",
        "en": "Decide on the check of bidder {bidder}.",
    },
    "inbox.todo.sent_back": {
        "nl": "Verwerk de gevraagde wijzigingen en dien het plan opnieuw in.",
        "en": "Make the requested changes and submit the plan again.",
    },
    "inbox.todo.deadline_today": {
        "nl": "Publicatie vandaag ({date}); het plan is nog niet goedgekeurd.",
        "en": "Publication today ({date}); the plan is not approved yet.",
    },
    "inbox.todo.deadline_past": {
        "nl": "Publicatie was gepland op {date}; het plan is nog niet goedgekeurd.",
        "en": "Publication was planned for {date}; the plan is not approved yet.",
    },
    "inbox.todo.reassess": {"nl": "Beoordeel het plan opnieuw", "en": "Assess the plan again"},
    "inbox.since": {"nl": "sinds {date}", "en": "since {date}"},
    "inbox.mail.greeting": {"nl": "Beste {name},", "en": "Dear {name},"},
    "inbox.mail.intro": {
        "nl": "Dit wacht op u in de Quickscan nationale veiligheid:",
        "en": "This is waiting for you in the national-security quickscan:",
    },
    "inbox.mail.open": {"nl": "Openen: {url}", "en": "Open: {url}"},
    "inbox.mail.footer": {
        "nl": "U krijgt dit bericht omdat er werk voor u klaarstaat. Zonder openstaande punten krijgt u geen bericht.",
        "en": "You receive this message because work is waiting for you. Without open items you receive no message.",
    },
    "ui.email": {"nl": "E-mailadres", "en": "E-mail address"},
    "err.invalid_email": {
        "nl": "'{email}' is geen bruikbaar e-mailadres: een naam, een @ en een domein zoals organisatie.nl.",
        "en": "'{email}' is not a usable e-mail address: a name, an @ and a domain such as organisation.nl.",
    },
    "ui.email_help": {
        "nl": "Voor het dagelijkse overzicht van wat op deze gebruiker wacht (leeg: geen e-mail).",
        "en": "For the daily digest of what waits for this user (empty: no e-mail).",
    },
}
STRINGS.update(INBOX_STRINGS)

PLURALS.update(
    {
        "inbox.todo.comments": {
            "nl": {
                "one": "{count} nieuwe opmerking om te beantwoorden.",
                "other": "{count} nieuwe opmerkingen om te beantwoorden.",
            },
            "en": {
                "one": "{count} new comment to answer.",
                "other": "{count} new comments to answer.",
            },
        },
        "inbox.todo.deadline": {
            "nl": {
                "one": "Publicatie op {date}, over {count} dag; het plan is nog niet goedgekeurd.",
                "other": "Publicatie op {date}, over {count} dagen; het plan is nog niet goedgekeurd.",
            },
            "en": {
                "one": "Publication on {date}, in {count} day; the plan is not approved yet.",
                "other": "Publication on {date}, in {count} days; the plan is not approved yet.",
            },
        },
        "inbox.mail.subject": {
            "nl": {
                "one": "Quickscan: {count} punt wacht op u",
                "other": "Quickscan: {count} punten wachten op u",
            },
            "en": {
                "one": "Quickscan: {count} item is waiting for you",
                "other": "Quickscan: {count} items are waiting for you",
            },
        },
    }
)


# Bidders side by side at award: the page, and the section of the award report.
COMPARE_STRINGS: dict[str, dict[Lang, str]] = {
    "ui.page.bidders_compare": {"nl": "Bieders naast elkaar", "en": "Bidders side by side"},
    "ui.compare.open": {
        "nl": "Bieders naast elkaar zetten",
        "en": "Compare the bidders side by side",
    },
    "ui.compare.intro": {
        "nl": "Alle bieders van dit dossier naast het goedgekeurde plan. Per scenario het restrisico met wat de bieder biedt (zijn eigen antwoorden, alleen de eisen die hij haalt; 'onbekend' telt als niet gehaald) tegen wat het plan verwacht, de eisen gehaald, niet gehaald en onbekend, de knock-outeisen die hij niet haalt, de bewijsstukken die nog openstaan en de uitkomst. Een bieder die nog niet heeft geantwoord staat er als zodanig in. Op een telefoon wordt elke rij een kaart.",
        "en": "Every bidder of this dossier beside the approved plan. Per scenario the residual risk with what the bidder offers (its own answers, only the requirements it meets; 'unknown' counts as not met) against what the plan expects, the requirements met, not met and unknown, the knock-out requirements it does not meet, the evidence still open and the outcome. A bidder that has not answered yet is shown as such. On a phone each row becomes a card.",
    },
    "ui.compare.back_award": {"nl": "Terug naar de gunning", "en": "Back to the award step"},
    "ui.compare.back_review": {"nl": "Terug naar de beoordeling", "en": "Back to the review"},
    "ui.compare.caption": {
        "nl": "Plan: wat het goedgekeurde plan van elke bieder verwacht.",
        "en": "Plan: what the approved plan expects of every bidder.",
    },
    "compare.col.aspect": {"nl": "Onderdeel", "en": "Aspect"},
    "compare.col.plan": {"nl": "Plan", "en": "Plan"},
    "compare.status": {"nl": "Status van de toets", "en": "Status of the check"},
    "compare.residual": {"nl": "Restrisico (totaal)", "en": "Residual risk (overall)"},
    "compare.met": {"nl": "Eisen gehaald", "en": "Requirements met"},
    "compare.all": {"nl": "alle {count}", "en": "all {count}"},
    "compare.of": {"nl": "{count} van {total}", "en": "{count} of {total}"},
    "compare.not_met": {"nl": "Eisen niet gehaald", "en": "Requirements not met"},
    "compare.unknown": {"nl": "Eisen onbekend", "en": "Requirements unknown"},
    "compare.knock_outs": {
        "nl": "Knock-outeisen niet gehaald",
        "en": "Knock-out requirements not met",
    },
    "compare.open_evidence": {"nl": "Bewijsstukken open", "en": "Evidence still open"},
    "compare.outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "compare.not_answered": {"nl": "Niet geantwoord", "en": "Did not answer"},
    "compare.higher": {
        "nl": "{level}: hoger dan het plan ({plan})",
        "en": "{level}: higher than the plan ({plan})",
    },
    "compare.lower": {
        "nl": "{level}: lager dan het plan ({plan})",
        "en": "{level}: lower than the plan ({plan})",
    },
    "compare.not_higher": {
        "nl": "niet hoger dan het plan ({plan})",
        "en": "not higher than the plan ({plan})",
    },
    "exp.award.compare": {"nl": "Bieders naast elkaar", "en": "Bidders side by side"},
    "exp.award.compare_intro": {
        "nl": "De goedgekeurde toetsen in dit rapport naast het plan: per scenario het restrisico met deze bieder tegen wat het plan verwacht, de eisen gehaald, niet gehaald en onbekend, de knock-outeisen die niet gehaald worden, de bewijsstukken die openstonden en de uitkomst. De kolom 'Plan' is wat het goedgekeurde plan van elke bieder verwacht.",
        "en": "The approved checks in this report beside the plan: per scenario the residual risk with this bidder against what the plan expects, the requirements met, not met and unknown, the knock-out requirements not met, the evidence that was still open and the outcome. The column 'Plan' is what the approved plan expects of every bidder.",
    },
    "exp.sheet.compare": {"nl": "Bieders naast elkaar", "en": "Bidders side by side"},
    "exp.sheet.award": {"nl": "Eisen per bieder", "en": "Requirements per bidder"},
    "exp.field.checks": {
        "nl": "Goedgekeurde toetsen (SHA-256)",
        "en": "Approved checks (SHA-256)",
    },
    "exp.col.award.bidder": {"nl": "Bieder", "en": "Bidder"},
    "exp.col.award.measure_id": {"nl": "Maatregel-id", "en": "Measure id"},
    "exp.col.award.measure": {"nl": "Eis uit het plan", "en": "Requirement of the plan"},
    "exp.col.award.response": {"nl": "Gehaald?", "en": "Met?"},
    "exp.col.award.knock_out": {"nl": "Knock-out", "en": "Knock-out"},
    "exp.col.award.note": {"nl": "Toelichting", "en": "Note"},
    "exp.col.award.check": {"nl": "SHA-256 van de toets", "en": "SHA-256 of the check"},
}
STRINGS.update(COMPARE_STRINGS)

PLURALS["ui.compare.answered"] = {
    "nl": {
        "one": "{count} van de {total} bieders heeft geantwoord.",
        "other": "{count} van de {total} bieders hebben geantwoord.",
    },
    "en": {
        "one": "{count} of the {total} bidders has answered.",
        "other": "{count} of the {total} bidders have answered.",
    },
}

# The bidder links (issue 16) keep their texts in a module of their own, merged here.
from quickscan_app.strings_bidders import BIDDER_STRINGS  # noqa: E402

STRINGS.update(BIDDER_STRINGS)
