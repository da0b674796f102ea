/// The read-back script of `ParquetReadBack`: pyarrow reads each Parquet file and compares it
/// with its Arrow input converted as the Go plugin converts it (filetypes `parquet/write.go`), then reports the
/// file's schema, statistics and footer fields.
enum ParquetReadBackScript {
    static let source = #"""
    # Reads Parquet files written by the Swift encoder back with pyarrow and compares them with the
    # Arrow input they were made from, converted the way the Go plugin converts it before writing
    # (filetypes parquet/write.go: convertSchema, transformArray). Prints one JSON report per file.
    #
    # argv[1]: a JSON manifest: [{"parquet": path, "arrow": path, "storage": path or null,
    #          "version": "1.0" | "2.4" | "2.6", "slice": [offset, length] or null}, ...]
    import base64, decimal, ipaddress, json, math, struct, sys, uuid
    import pyarrow as pa
    import pyarrow.ipc as ipc
    import pyarrow.parquet as pq

    def ext_name(field):
        md = field.metadata or {}
        return md.get(b"ARROW:extension:name", b"").decode()

    def is_list(t):
        return pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t)

    def trunc_div(a, b):
        q = abs(a) // b
        return -q if a < 0 else q

    def canon_float(v):
        if v is None: return None
        if math.isnan(v): return "nan"
        return repr(float(v))

    def validity(arr):
        return arr.is_valid().to_pylist() if len(arr) else []

    def struct_children(arr):
        # children aligned with the (possibly sliced) struct
        return [arr.field(k) if arr.offset == 0 and len(arr.field(k)) == len(arr) else arr.field(k).slice(arr.offset, len(arr))
                for k in range(arr.type.num_fields)]

    def nested(arr, t, elem_canon, key_canon=None, item_canon=None, fields=None):
        """Lists, maps and structs, for both sides: the *_canon callables canonicalise children."""
        valid = validity(arr)
        n = len(arr)
        if pa.types.is_map(t):
            offs = arr.offsets.to_pylist(); entries = arr.values
            keys = key_canon(entries.field(0)); items = item_canon(entries.field(1))
            return [None if not valid[i] else [[keys[j], items[j]] for j in range(offs[i], offs[i + 1])] for i in range(n)]
        if pa.types.is_fixed_size_list(t):
            size = t.list_size; vals = elem_canon(arr.values); base = arr.offset
            return [None if not valid[i] else vals[(base + i) * size:(base + i + 1) * size] for i in range(n)]
        if is_list(t):
            offs = arr.offsets.to_pylist(); vals = elem_canon(arr.values)
            return [None if not valid[i] else vals[offs[i]:offs[i + 1]] for i in range(n)]
        if pa.types.is_struct(t):
            cols = [fields[k](c) for k, c in enumerate(struct_children(arr))]
            return [None if not valid[i] else {t.field(k).name: cols[k][i] for k in range(t.num_fields)} for i in range(n)]
        raise ValueError(f"not nested: {t}")

    def ints(arr, storage):
        return [None if v is None else int(v) for v in arr.view(storage).to_pylist()]

    def canon_actual(arr):
        """Canonical Python values of an array as pyarrow read it from Parquet."""
        t = arr.type
        if pa.types.is_map(t) or is_list(t) or pa.types.is_struct(t):
            return nested(arr, t, canon_actual, canon_actual, canon_actual,
                          [canon_actual] * (t.num_fields if pa.types.is_struct(t) else 0))
        if pa.types.is_null(t): return [None] * len(arr)
        if pa.types.is_timestamp(t) or pa.types.is_time64(t): return ints(arr, pa.int64())
        if pa.types.is_date32(t) or pa.types.is_time32(t): return ints(arr, pa.int32())
        if pa.types.is_float16(t): return ints(arr, pa.uint16())
        if pa.types.is_floating(t): return [canon_float(v) for v in arr.to_pylist()]
        if pa.types.is_binary(t) or pa.types.is_fixed_size_binary(t) or pa.types.is_large_binary(t):
            return [None if v is None else v.hex() for v in arr.to_pylist()]
        if pa.types.is_decimal(t): return [None if v is None else str(v) for v in arr.to_pylist()]
        return arr.to_pylist()

    def go_cidr(text):
        """Go's net.ParseCIDR + IPNet.String with the host address kept (plugin-sdk inet ValueStr)."""
        if not text: return "0.0.0.0/0"
        iface = ipaddress.ip_interface(text)
        if iface.version == 6 and iface.ip.ipv4_mapped is not None:
            return f"{iface.ip.ipv4_mapped}/{max(iface.network.prefixlen - 96, 0)}"
        return f"{iface.ip}/{iface.network.prefixlen}"

    def canon_expected(arr, field, version):
        """Canonical values the Parquet file should hold for input `arr` (declared as `field`)."""
        t = field.type
        ext = ext_name(field)
        vals = lambda: arr.to_pylist()
        if ext == "uuid": return [None if v is None else str(uuid.UUID(bytes=v)) for v in vals()]
        if ext == "json": return [None if v is None else v.decode() for v in vals()]
        if ext == "inet": return [None if v is None else go_cidr(v.decode()) for v in vals()]
        if ext == "mac": return [None if v is None else ":".join(f"{b:02x}" for b in (v or bytes(6))) for v in vals()]
        if str(t) == "month_interval": return [None if v is None else str(v) for v in vals()]
        if str(t) == "day_time_interval":
            return [None if v is None else '{"days":%d,"milliseconds":%d}' % struct.unpack("<ii", struct.pack("<q", v)) for v in vals()]
        if pa.types.is_interval(t):
            return [None if v is None else '{"months":%d,"days":%d,"nanoseconds":%d}' % (v.months, v.days, v.nanoseconds) for v in vals()]
        if pa.types.is_duration(t): return [None if v is None else f"{v}{t.unit}" for v in ints(arr, pa.int64())]
        if pa.types.is_large_string(t): return vals()
        if pa.types.is_large_binary(t): return [None if v is None else base64.b64encode(v).decode() for v in vals()]
        if pa.types.is_timestamp(t):
            scale = lambda v: v * 1000 if t.unit == "s" else trunc_div(v, 1000) if t.unit == "ns" and version in ("1.0", "2.4") else v
            return [None if v is None else scale(v) for v in ints(arr, pa.int64())]
        if pa.types.is_date64(t): return [None if v is None else trunc_div(v, 86400000) for v in ints(arr, pa.int64())]
        if pa.types.is_time32(t) and t.unit == "s": return [None if v is None else v * 1000 for v in ints(arr, pa.int32())]
        if is_list(t):
            elem = t.value_field
            return nested(arr, t, lambda a: canon_expected(a, elem, version))
        if pa.types.is_map(t):
            return nested(arr, t, None, lambda a: canon_expected(a, t.key_field, version),
                          lambda a: canon_expected(a, t.item_field, version))
        if pa.types.is_struct(t):
            return nested(arr, t, None, fields=[(lambda f: lambda a: canon_expected(a, f, version))(t.field(k)) for k in range(t.num_fields)])
        return canon_actual(arr)

    def expected_sig(field, version, nullable=None):
        nullable = field.nullable if nullable is None else nullable
        t = field.type; ext = ext_name(field)
        mark = "" if nullable else "!"
        if ext in ("uuid", "json", "inet", "mac") or str(t) in ("month_interval", "day_time_interval") \
                or pa.types.is_interval(t) or pa.types.is_duration(t) or pa.types.is_large_string(t) or pa.types.is_large_binary(t):
            return mark + "string"
        if is_list(t): return mark + f"list<{expected_sig(t.value_field, version, True)}>"
        if pa.types.is_map(t):
            return mark + f"map<{expected_sig(t.key_field, version, False)},{expected_sig(t.item_field, version, True)}>"
        if pa.types.is_struct(t): return mark + "struct<" + ",".join(f"{f.name}:{expected_sig(f, version)}" for f in t) + ">"
        if pa.types.is_timestamp(t):
            unit = {"s": "ms", "ns": "us" if version in ("1.0", "2.4") else "ns"}.get(t.unit, t.unit)
            return mark + (f"timestamp[{unit}, tz=UTC]" if t.tz else f"timestamp[{unit}]")
        if pa.types.is_date(t): return mark + "date32[day]"
        if pa.types.is_time32(t): return mark + "time32[ms]"
        if pa.types.is_decimal(t):
            return mark + (f"decimal128({t.precision}, {t.scale})" if t.precision <= 38 else f"decimal256({t.precision}, {t.scale})")
        return mark + str(t)

    def actual_sig(field):
        t = field.type
        mark = "" if field.nullable else "!"
        if is_list(t): return mark + f"list<{actual_sig(t.value_field)}>"
        if pa.types.is_map(t): return mark + f"map<{actual_sig(t.key_field)},{actual_sig(t.item_field)}>"
        if pa.types.is_struct(t): return mark + "struct<" + ",".join(f"{f.name}:{actual_sig(f)}" for f in t) + ">"
        return mark + str(t)

    # --- a minimal Thrift compact-protocol reader, to see footer fields pyarrow does not expose
    class Compact:
        def __init__(self, data, position=0): self.d = data; self.p = position
        def byte(self): b = self.d[self.p]; self.p += 1; return b
        def varint(self):
            shift = 0; v = 0
            while True:
                b = self.byte(); v |= (b & 0x7F) << shift; shift += 7
                if not b & 0x80: return v
        def zigzag(self): v = self.varint(); return (v >> 1) ^ -(v & 1)
        def value(self, t):
            if t in (1, 2): return t == 1
            if t == 3: return struct.unpack("b", bytes([self.byte()]))[0]
            if t in (4, 5, 6): return self.zigzag()
            if t == 7: v = struct.unpack("<d", self.d[self.p:self.p + 8])[0]; self.p += 8; return v
            if t == 8: n = self.varint(); v = self.d[self.p:self.p + n]; self.p += n; return v
            if t in (9, 10):
                h = self.byte(); n = h >> 4; et = h & 0x0F
                if n == 15: n = self.varint()
                return [self.byte() == 1 if et in (1, 2) else self.value(et) for _ in range(n)]
            if t == 12: return self.struct()
            raise ValueError(f"thrift type {t}")
        def struct(self):
            out = {}; last = 0
            while True:
                h = self.byte()
                if h == 0: return out
                t = h & 0x0F; delta = h >> 4
                fid = last + delta if delta else self.zigzag()
                out[fid] = self.value(t); last = fid

    def footer(path):
        data = open(path, "rb").read()
        assert data[:4] == b"PAR1" and data[-4:] == b"PAR1", "magic"
        n = struct.unpack("<I", data[-8:-4])[0]
        return Compact(data[-8 - n:-8]).struct()

    def page_headers(path, chunk_meta):
        """The decoded page headers of a column chunk, walked from its first page; None for an overrun."""
        data = open(path, "rb").read()
        start = chunk_meta.get(11, chunk_meta[9])
        end = start + chunk_meta[7]
        out = []
        p = start
        while p < end:
            c = Compact(data, p)
            h = c.struct()
            out.append(h)
            p = c.p + h[3]
        if p != end: out.append(("overrun", p, end))
        return out

    def pages(path, chunk_meta):
        """The page headers of a column chunk: [type, values, encoding, has stats]."""
        out = []
        for h in page_headers(path, chunk_meta):
            if isinstance(h, tuple): out.append(list(h)); continue
            body = h.get(5) or h.get(7) or {}
            out.append([h[1], body.get(1), body.get(2), 5 in body])
        return out

    def page_stat_mismatches(path, chunk_meta, column, leaf):
        """Each data page's statistics of a String column against the values of its levels (the
        page's share of `leaf`, in order): null count, min and max (min_value / max_value, as
        UTF-8 bytes compare)."""
        found = []
        offset = 0
        for k, h in enumerate(page_headers(path, chunk_meta)):
            if isinstance(h, tuple) or h[1] != 0: continue  # the dictionary page has no levels
            body = h[5]
            values = leaf[offset:offset + body[1]]
            offset += body[1]
            present = [v.encode() for v in values if v is not None]
            # In a page header each bound over 4096 bytes is left out on its own (arrow-go).
            bound = lambda v: v.decode() if v is not None and len(v) <= 4096 else None
            want = {"null_count": len(values) - len(present), "min": bound(min(present, default=None)),
                    "max": bound(max(present, default=None))}
            st = body.get(5, {})
            got = {"null_count": st.get(3), "min": st[6].decode() if 6 in st else None,
                   "max": st[5].decode() if 5 in st else None}
            if got != want: found.append(f"{column.path}: data page {k} statistics expected {want}, read {got}")
        if offset != len(leaf): found.append(f"{column.path}: pages hold {offset} levels, the column {len(leaf)}")
        return found

    def stat_value(stats, column, raw):
        if raw is None: return None
        lt = str(column.logical_type)
        phys = column.physical_type
        if phys in ("INT32", "INT64"):
            if "isSigned=false" in lt: return stats.min if raw == "min" else stats.max
            return stats.min_raw if raw == "min" else stats.max_raw
        v = stats.min_raw if raw == "min" else stats.max_raw
        if phys in ("FLOAT", "DOUBLE"): return canon_float(v)
        if phys == "BOOLEAN": return v
        if lt.startswith("Decimal"): return str(stats.min if raw == "min" else stats.max)
        if lt == "Float16": return struct.unpack("<H", v)[0]
        if lt == "String": return v.decode() if isinstance(v, bytes) else v
        return v.hex() if isinstance(v, bytes) else v

    def sort_key(column, v):
        lt = str(column.logical_type); phys = column.physical_type
        if phys in ("FLOAT", "DOUBLE"): return float(v)
        if lt == "Float16": return struct.unpack("<e", struct.pack("<H", v))[0]
        if lt.startswith("Decimal"): return decimal.Decimal(v)
        if lt == "String": return v.encode()
        if phys in ("BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"): return bytes.fromhex(v)
        return v

    def flatten(values, t, parts):
        """Leaf values of a column's canonical values along a Parquet path (after the column name);
        a null or empty ancestor contributes one None, as it contributes one level without a value."""
        if not parts: return list(values)
        out = []
        if is_list(t):
            for v in values:
                if not v: out.append(None)
                else: out.extend(flatten(v, t.value_type, parts[2:]))
        elif pa.types.is_map(t):
            k = 0 if parts[1] == "key" else 1
            sub = t.key_type if k == 0 else t.item_type
            for v in values:
                if not v: out.append(None)
                else: out.extend(flatten([kv[k] for kv in v], sub, parts[2:]))
        elif pa.types.is_struct(t):
            out.extend(flatten([None if v is None else v[parts[0]] for v in values], t.field(parts[0]).type, parts[1:]))
        return out

    def expected_stats(column, values):
        present = [v for v in values if v is not None and v != "nan"]
        if column.logical_type is not None and str(column.logical_type) == "Float16":
            present = [v for v in present if not math.isnan(sort_key(column, v))]
        nulls = sum(1 for v in values if v is None)
        if not present: return {"null_count": nulls, "min": None, "max": None}
        lo = min(present, key=lambda v: sort_key(column, v)); hi = max(present, key=lambda v: sort_key(column, v))
        if column.physical_type in ("FLOAT", "DOUBLE"):
            if float(lo) == 0: lo = "-0.0"
            if float(hi) == 0: hi = "0.0"
        if str(column.logical_type) == "Float16":
            if sort_key(column, lo) == 0: lo = 0x8000
            if sort_key(column, hi) == 0: hi = 0x0000
        # Bounds over 4096 bytes are left out (arrow-go's DefaultMaxStatsSize); pyarrow then reports neither.
        if column.physical_type in ("BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY") and str(column.logical_type) not in ("Float16",) \
                and not str(column.logical_type).startswith("Decimal"):
            if max(len(sort_key(column, lo)), len(sort_key(column, hi))) > 4096: lo = hi = None
        return {"null_count": nulls, "min": lo, "max": hi}

    def check(entry):
        mismatches = []
        reader = ipc.open_stream(open(entry["arrow"], "rb").read())
        schema = reader.schema
        if entry.get("storage"):
            source = ipc.open_stream(open(entry["storage"], "rb").read()).read_all()
        else:
            source = reader.read_all()
        if entry.get("slice"):
            source = source.slice(*entry["slice"])
        source = source.combine_chunks()
        version = entry["version"]

        meta = pq.read_metadata(entry["parquet"])
        table = pq.read_table(entry["parquet"])
        raw = footer(entry["parquet"])

        if table.num_rows != source.num_rows:
            mismatches.append(f"rows: expected {source.num_rows}, read {table.num_rows}")
        names = [f.name for f in schema]
        if table.schema.names != names:
            mismatches.append(f"columns: expected {names}, read {table.schema.names}")
        expected_columns = {}
        for k, field in enumerate(schema):
            if field.name not in table.schema.names: continue
            actual_field = table.schema.field(field.name)
            exp_sig, act_sig = expected_sig(field, version), actual_sig(actual_field)
            if exp_sig != act_sig:
                mismatches.append(f"{field.name}: type expected {exp_sig}, read {act_sig}")
            column = source.column(k)
            arr = column.chunk(0) if column.num_chunks else pa.array([], column.type)
            expected = canon_expected(arr, field, version)
            expected_columns[field.name] = expected
            actual = canon_actual(table.column(field.name).combine_chunks()) if table.num_rows else []
            if expected != actual:
                diffs = [i for i in range(min(len(expected), len(actual))) if expected[i] != actual[i]]
                i = diffs[0] if diffs else min(len(expected), len(actual))
                mismatches.append(f"{field.name}: row {i}: expected {expected[i] if i < len(expected) else '<end>'!r}, "
                                  f"read {actual[i] if i < len(actual) else '<end>'!r}")

        columns = []
        for i in range(meta.num_columns):
            c = meta.schema.column(i)
            columns.append({"path": c.path, "physical": c.physical_type,
                            "logical": None if c.logical_type is None else str(c.logical_type),
                            "converted": c.converted_type, "maxDef": c.max_definition_level, "maxRep": c.max_repetition_level,
                            "length": c.length, "precision": c.precision, "scale": c.scale})

        row_groups = []
        start = 0
        for g in range(meta.num_row_groups):
            rg = meta.row_group(g)
            chunks = []
            for i in range(rg.num_columns):
                cc = rg.column(i)
                st = cc.statistics
                info = {"path": cc.path_in_schema, "encodings": list(cc.encodings), "compression": cc.compression,
                        "pages": pages(entry["parquet"], raw[4][g][1][i][3]),
                        "hasDictionaryPage": cc.has_dictionary_page, "numValues": cc.num_values,
                        "statistics": None if st is None else {"null_count": st.null_count, "has_min_max": st.has_min_max,
                            "min": stat_value(st, meta.schema.column(i), "min") if st.has_min_max else None,
                            "max": stat_value(st, meta.schema.column(i), "max") if st.has_min_max else None}}
                # statistics of every leaf against the input values
                top, *rest = cc.path_in_schema.split(".")
                if top in expected_columns:
                    leaf = flatten(expected_columns[top][start:start + rg.num_rows], schema.field(top).type, rest)
                    want = expected_stats(meta.schema.column(i), leaf)
                    got = info["statistics"] or {}
                    if got.get("null_count") != want["null_count"] or got.get("min") != want["min"] or got.get("max") != want["max"]:
                        mismatches.append(f"{cc.path_in_schema}: row group {g} statistics expected {want}, read {got}")
                    if str(meta.schema.column(i).logical_type) == "String":
                        mismatches += page_stat_mismatches(entry["parquet"], raw[4][g][1][i][3], meta.schema.column(i), leaf)
                chunks.append(info)
            row_groups.append({"rows": rg.num_rows, "columns": chunks})
            start += rg.num_rows

        root = raw[2][0]
        return {
            "mismatches": mismatches,
            "rows": table.num_rows,
            "rowGroups": row_groups,
            "columns": columns,
            "createdBy": meta.created_by,
            "formatVersion": raw[1],
            "keyValue": [[kv[1].decode(), kv.get(2, b"").decode()] for kv in raw.get(5, [])],
            "root": {"name": root[4].decode(), "repetition": root.get(3), "numChildren": root.get(5)},
            "columnOrders": len(raw.get(7, [])),
            # the SchemaElements as written: name, type, repetition, converted type, logical type member
            "elements": [{"name": e[4].decode(), "type": e.get(1), "repetition": e.get(3), "converted": e.get(6),
                          "logical": None if 10 not in e else sorted(e[10].keys())[0], "numChildren": e.get(5)} for e in raw[2]],
            "ordinals": [g.get(7) for g in raw[4]],
            "arrowSchema": str(table.schema),
            "parquetSchema": str(meta.schema),
        }

    entries = json.load(open(sys.argv[1]))
    reports = []
    for entry in entries:
        try:
            reports.append(check(entry))
        except Exception as e:
            import traceback
            reports.append({"mismatches": [f"pyarrow could not read {entry['parquet']}: {type(e).__name__}: {e}",
                                           traceback.format_exc()[-2000:]]})
    json.dump(reports, sys.stdout)
    """#
}
