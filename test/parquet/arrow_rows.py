"""Reads Parquet files with pyarrow (Arrow C++) and prints, per file, one JSON
line: {"file", "columns": [{"name", "type", "nullable"}], "rows": [...]}, the
values in the `cinelake parquet cat --json` form except DATE, printed as its
day count for the caller to format. With --dataset ROOT TABLE, instead reads a
loadDate-partitioned table as a Hive-partitioned dataset with loadDate typed
DATE and prints {"rows", "days", "first", "last"}.

Used by arrow.test.mjs; needs only pyarrow."""
import json
import math
import sys

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

MAX_SAFE = 2**53 - 1


def decimal_text(unscaled, scale):
    sign = '-' if unscaled < 0 else ''
    digits = str(abs(unscaled))
    if scale == 0:
        return sign + digits
    digits = digits.rjust(scale + 1, '0')
    return f'{sign}{digits[:-scale]}.{digits[-scale:]}'


def column_values(col):
    t = col.type
    if pa.types.is_date32(t):
        return col.cast(pa.int32()).to_pylist()
    if pa.types.is_timestamp(t):
        return [None if v is None else (v if abs(v) <= MAX_SAFE else str(v))
                for v in col.cast(pa.int64()).to_pylist()]
    if pa.types.is_int64(t):
        return [None if v is None else (v if abs(v) <= MAX_SAFE else str(v)) for v in col.to_pylist()]
    if pa.types.is_floating(t):
        out = []
        for v in col.to_pylist():
            if v is None or math.isfinite(v):
                out.append(v)
            else:
                out.append('NaN' if math.isnan(v) else ('Infinity' if v > 0 else '-Infinity'))
        return out
    if pa.types.is_decimal(t):
        return [None if v is None else decimal_text(int(v.scaleb(t.scale)), t.scale) for v in col.to_pylist()]
    return col.to_pylist()


def read_file(path):
    table = pq.read_table(path)
    columns = [{'name': f.name, 'type': str(f.type), 'nullable': f.nullable} for f in table.schema]
    values = [column_values(table.column(i).combine_chunks()) for i in range(table.num_columns)]
    rows = [{c['name']: values[i][r] for i, c in enumerate(columns)} for r in range(table.num_rows)]
    return {'file': path, 'columns': columns, 'rows': rows}


def read_dataset(root, table):
    part = ds.partitioning(pa.schema([('loadDate', pa.date32())]), flavor='hive')
    data = ds.dataset(f'{root}/{table}', format='parquet', partitioning=part).to_table()
    days = pc.unique(data.column('loadDate')).sort()
    return {'rows': data.num_rows, 'loadDate_type': str(data.schema.field('loadDate').type),
            'days': len(days), 'first': str(days[0]) if len(days) else None,
            'last': str(days[-1]) if len(days) else None}


def main():
    if sys.argv[1] == '--dataset':
        print(json.dumps(read_dataset(sys.argv[2], sys.argv[3])))
        return
    for path in sys.argv[1:]:
        print(json.dumps(read_file(path), ensure_ascii=False, allow_nan=False))


main()
