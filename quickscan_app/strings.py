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
    "unknown": {"nl": "onbekend", "en": "unknown"},
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
    "err.unknown_measure": {
        "nl": "Maatregel '{measure}' staat niet in de catalogus.",
        "en": "Measure '{measure}' is not in the catalogue.",
    },
    "err.justification_required": {
        "nl": "Geef een motivering waarom deze maatregel wordt afgewezen.",
        "en": "Give a justification for rejecting this measure.",
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
        "nl": "Onbekende rol '{role}' (kies uit officer, reviewer, admin).",
        "en": "Unknown role '{role}' (choose from officer, reviewer, admin).",
    },
    "err.not_demo": {
        "nl": "De database bevat echte gegevens; demogegevens worden niet toegevoegd.",
        "en": "The database holds real data; demo data is not added.",
    },
    "err.no_content": {"nl": "{problem}", "en": "{problem}"},
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
    "ui.deadline_warning": {
        "nl": (
            "{count} dossier(s) worden binnen zes weken gepubliceerd terwijl het plan nog niet is "
            "goedgekeurd."
        ),
        "en": "{count} dossier(s) are published within six weeks while the plan is not approved.",
    },
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
    "ui.progress": {
        "nl": "{done} van {total} verplichte vragen beantwoord",
        "en": "{done} of {total} required questions answered",
    },
    "ui.go_to_step": {"nl": "Ga naar stap", "en": "Go to step"},
    "ui.back": {"nl": "Vorige", "en": "Back"},
    "ui.next": {"nl": "Volgende", "en": "Next"},
    "ui.step.results": {"nl": "Uitkomst", "en": "Results"},
    "ui.step.plan": {"nl": "Maatregelenplan", "en": "Mitigation plan"},
    "ui.step.submit": {"nl": "Indienen", "en": "Submit"},
    "ui.why": {"nl": "Waarom deze vraag?", "en": "Why this matters:"},
    "ui.unknown_option": {"nl": "Weet ik niet", "en": "Don't know"},
    "ui.choose_options": {"nl": "Kies een of meer", "en": "Choose one or more"},
    "ui.choose_option": {"nl": "Kies een antwoord", "en": "Choose an answer"},
    "ui.required_missing": {"nl": "Deze vraag is verplicht.", "en": "This question is required."},
    "ui.required_open_here": {
        "nl": (
            "In deze stap staan nog {count} verplichte vragen open. Beantwoord ze, of kies 'Weet ik "
            "niet' waar dat kan. Klik nogmaals op 'Volgende' om toch verder te gaan."
        ),
        "en": (
            "{count} required questions in this step are still open. Answer them, or choose "
            "'Don't know' where possible. Click 'Next' again to go on anyway."
        ),
    },
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
    # Plan
    "ui.plan_intro": {
        "nl": (
            "Voorgestelde maatregelen staan bovenaan, gerangschikt naar het risico dat ze wegnemen. "
            "Kies een regel om de maatregel op te nemen (met eigenaar, fase en termijn) of af te "
            "wijzen met een motivering."
        ),
        "en": (
            "Proposed measures come first, ranked by the risk they take away. Pick a row to take "
            "the measure into the plan (with owner, phase and due date) or to reject it with a "
            "justification."
        ),
    },
    "ui.show_all_measures": {
        "nl": "Toon alle maatregelen uit de catalogus",
        "en": "Show every measure in the catalogue",
    },
    "ui.no_proposals": {
        "nl": "Er zijn geen maatregelen voorgesteld.",
        "en": "No measures are proposed.",
    },
    "ui.pick_measure": {"nl": "Maatregel bekijken of kiezen", "en": "View or choose a measure"},
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
    "ui.cannot_submit_yet": {
        "nl": "Nog {count} verplichte vragen open; indienen kan pas als alles is beantwoord:",
        "en": "{count} required questions are still open; you can submit once all are answered:",
    },
    "ui.submit_summary": {
        "nl": "Het plan bevat {measures} maatregel(en); {points} antwoord(en) zijn 'weet ik niet'.",
        "en": "The plan holds {measures} measure(s); {points} answer(s) are 'don't know'.",
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
    "ui.no_decision_needed": {
        "nl": "Dit dossier heeft status '{status}': er is nu geen besluit nodig.",
        "en": "This dossier is '{status}': no decision is needed now.",
    },
    "ui.history": {"nl": "Geschiedenis", "en": "History"},
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
    "ui.content_missing": {
        "nl": "{count} dossier(s) gebruiken {id} v{version}, maar die versie is niet geladen.",
        "en": "{count} dossier(s) use {id} v{version}, but that version is not loaded.",
    },
    "ui.col.questionnaire": {"nl": "Vragenlijst", "en": "Questionnaire"},
    "ui.col.questions": {"nl": "Vragen", "en": "Questions"},
    "ui.col.risk_model": {"nl": "Risicomodel", "en": "Risk model"},
    "ui.col.rules": {"nl": "Regels", "en": "Rules"},
    "ui.col.catalogue": {"nl": "Catalogus", "en": "Catalogue"},
    "ui.col.measures": {"nl": "Maatregelen", "en": "Measures"},
    "ui.col.dossiers": {"nl": "Dossiers", "en": "Dossiers"},
    "ui.verify_chain": {"nl": "Keten controleren", "en": "Verify the chain"},
    "ui.chain_intact": {
        "nl": "De audittrail is intact: {events} gebeurtenissen.",
        "en": "The audit trail is intact: {events} events.",
    },
    "ui.chain_broken": {
        "nl": "De audittrail is NIET intact vanaf gebeurtenis {seq}: {problem}.",
        "en": "The audit trail is NOT intact from event {seq}: {problem}.",
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
    "role.admin": {"nl": "Beheerder", "en": "Administrator"},
}
STRINGS.update(UI_STRINGS)
