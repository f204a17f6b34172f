"""Matching a resume against a job posting: requirements, keywords, embeddings, ranking."""
