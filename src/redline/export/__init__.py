"""Exports that analysts' tools read: CSV/JSON tables, DNA-style statements, GraphML/GEXF networks.

Every export reads the store (corrections applied), streams where the data can be large,
orders rows stably so a re-run writes identical bytes, and writes files atomically.
"""

from redline.export.dna import DNA_COLUMNS, agreement, dna_rows, export_dna
from redline.export.documents import DOCUMENT_COLUMNS, export_documents
from redline.export.network import (
    NETWORK_FORMATS,
    NETWORK_KINDS,
    NORMALISATIONS,
    build_graph,
    export_network,
    write_graph,
)
from redline.export.output import check_choice, check_format, open_output
from redline.export.positions import POSITION_COLUMNS, export_positions, position_rows, stored_positions
from redline.export.statements import STATEMENT_COLUMNS, export_statements, statement_rows
from redline.export.tables import TABLE_FORMATS, write_rows

__all__ = [
    "DNA_COLUMNS",
    "DOCUMENT_COLUMNS",
    "NETWORK_FORMATS",
    "NETWORK_KINDS",
    "NORMALISATIONS",
    "POSITION_COLUMNS",
    "STATEMENT_COLUMNS",
    "TABLE_FORMATS",
    "agreement",
    "build_graph",
    "check_choice",
    "check_format",
    "dna_rows",
    "export_dna",
    "export_documents",
    "export_network",
    "export_positions",
    "export_statements",
    "open_output",
    "position_rows",
    "statement_rows",
    "stored_positions",
    "write_graph",
    "write_rows",
]
