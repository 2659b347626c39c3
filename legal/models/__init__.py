from legal.models.citations import Citation
from legal.models.documents import DocumentIndexPage, DocumentPage, DocumentRelation
from legal.models.types import DocumentType

__all__ = ["Citation", "DocumentIndexPage", "DocumentPage", "DocumentRelation", "DocumentType"]
