"""Import of articles from the old portal or a spreadsheet: the `import_content` JSON contract."""

from articles.importing.importer import ContentImporter, ImportFileError, ImportResult, RecordError, load_records

__all__ = ["ContentImporter", "ImportFileError", "ImportResult", "RecordError", "load_records"]
