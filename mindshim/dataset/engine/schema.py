"""``mindspore.dataset.Schema``: column names, types and shapes, kept as MindSpore's schema JSON."""
import json
import os

from ...common import dtype as mstype
from ..core.validator_helpers import type_check, type_check_list
from ._pipeline import pipeline_error

VALID_TYPES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32",
               "float64", "string")


def _check_file(path):
    if not isinstance(path, str):
        raise TypeError(f"path: {path} is not string")
    path = os.path.realpath(path)
    if not os.path.isfile(path) or not os.access(path, os.R_OK):
        raise ValueError(f"The file {path} does not exist or permission denied!")


class Schema:
    """Columns (name, type, shape) and optionally a row count, read from or written as MindSpore's JSON.

    mindshim's sources take their columns from the data; a Schema is kept and printed, not enforced.
    """

    def __init__(self, schema_file=None):
        self.schema_file = "" if schema_file is None else schema_file
        self.columns, self.num_rows = [], None
        if schema_file is not None:
            _check_file(schema_file)
            with open(schema_file) as f:
                self.from_json(json.load(f))

    def add_column(self, name, de_type, shape=None):
        """A column of ``de_type`` (a MindSpore dtype or a type name) and optionally ``shape``."""
        type_check(name, (str,), "name")
        if not name:
            raise TypeError("Expected non-empty string for column name.")
        if de_type is None:
            raise TypeError("Expected non-empty string for de_type.")
        if not isinstance(de_type, mstype.Type) and de_type not in VALID_TYPES:
            raise TypeError("Unknown column type.")
        if shape is not None:
            type_check(shape, (list,), "shape")
            type_check_list(shape, (int,), "shape")
        type_name = de_type.np_dtype.name if isinstance(de_type, mstype.Type) else de_type
        column = {"name": name, "type": type_name, "rank": 1}
        if shape is not None:
            column.update(rank=len(shape), shape=list(shape))
        self.columns.append(column)

    def parse_columns(self, columns):
        """Columns from a list of dicts with ``name``, ``type`` and optionally ``shape``, or a dict from name to
        such a dict."""
        if isinstance(columns, dict):
            columns = [dict(spec, name=name) for name, spec in columns.items()]
        parsed = []
        for spec in columns:
            if "name" not in spec:
                raise pipeline_error("Column's name is missing")
            if "type" not in spec:
                raise pipeline_error("Column's type is missing")
            shape = spec.get("shape", [])
            parsed.append({"name": spec["name"], "type": spec["type"], "rank": len(shape), "shape": list(shape)})
        self.columns = parsed

    def from_json(self, json_obj):
        """Columns (and ``numRows``) from a schema dict."""
        if "columns" not in json_obj:
            raise pipeline_error('"columns" node is required in the schema json JSON.')
        self.parse_columns(json_obj["columns"])
        self.num_rows = json_obj.get("numRows")

    def to_json(self):
        out = {"columns": self.columns or None}
        if self.num_rows is not None:
            out["numRows"] = self.num_rows
        return json.dumps(out, indent=2, sort_keys=True)

    def __str__(self):
        return self.to_json()

    @staticmethod
    def get_num_rows(schema):
        schema = schema if isinstance(schema, Schema) else Schema(schema)
        return schema.num_rows if schema.num_rows is not None else 0
