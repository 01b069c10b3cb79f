"""Pydantic models of the content (questionnaire, risk model, measures) and of answers.

Nothing in here touches a user, a database or a file.
"""
