/// The JSON schema (draft 2020-12) returned by `GetSpecSchema`. The CLI checks the `spec:`
/// block against it in `cloudquery validate-config`; during `sync` the Go-compatible
/// `validate()` is the gate.
///
/// It accepts and rejects the same documents as the Go plugin's schema (`cloudquery/s3` v7):
/// required keys, enums, patterns, the `format` ↔ `format_spec` pairing, the no_rotate /
/// {{UUID}} / batching rules and the `errorMessage` texts the CLI shows.
enum DestinationSpecSchema {
    static let json: String = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://cq-dest-s3.invalid/destination-spec",
  "$ref": "#/$defs/Spec",
  "$defs": {
    "Spec": {
      "type": "object",
      "additionalProperties": false,
      "required": ["format", "bucket", "region", "path"],
      "properties": {
        "format": {
          "type": "string",
          "enum": ["csv", "json", "parquet"],
          "description": "File format of the objects written to S3."
        },
        "format_spec": {
          "oneOf": [
            {
              "anyOf": [
                {"$ref": "#/$defs/CSVSpec"},
                {"$ref": "#/$defs/JSONSpec"},
                {"$ref": "#/$defs/ParquetSpec"}
              ]
            },
            {"type": "null"}
          ]
        },
        "compression": {
          "type": "string",
          "enum": ["", "gzip", "zstd"],
          "description": "Compression applied to CSV and JSON objects. Empty or missing means none. `zstd` is not in the Go plugin."
        },
        "bucket": {
          "type": "string",
          "minLength": 1,
          "description": "Name of the S3 bucket the objects are written to."
        },
        "region": {
          "type": "string",
          "minLength": 1,
          "description": "AWS region of the bucket."
        },
        "local_profile": {
          "type": "string",
          "description": "Name of a profile from the shared AWS config/credentials files to authenticate with. Cannot be combined with `credentials`.",
          "examples": ["my_aws_profile"]
        },
        "credentials": {
          "oneOf": [
            {"$ref": "#/$defs/Credentials"},
            {"type": "null"}
          ]
        },
        "path": {
          "type": "string",
          "pattern": "^[^/].*$",
          "errorMessage": "value should not start with /",
          "description": "Object key template inside the bucket, e.g. `path/to/files/{{TABLE}}/{{UUID}}.parquet`.\nPlaceholders:\n- `{{TABLE}}`: the table name\n- `{{TABLE_HYPHEN}}`: the table name with `_` replaced by `-`\n- `{{FORMAT}}`: the format name plus the compression extension (`csv`, `json.gz`, `parquet`, ...)\n- `{{UUID}}`: a random UUID, new for every object\n- `{{SYNC_ID}}`: the id of the sync invocation\n- `{{YEAR}}`, `{{MONTH}}`, `{{DAY}}`, `{{HOUR}}`, `{{MINUTE}}`: the UTC time the object is created (zero padded)\n\nA path without `{{TABLE}}` gets `/{{TABLE}}.<format>.{{UUID}}` appended (`/{{TABLE}}.<format>` with `no_rotate`).",
          "examples": ["path/to/files/{{TABLE}}/{{UUID}}.parquet"]
        },
        "no_rotate": {
          "type": "boolean",
          "default": false,
          "description": "Write exactly one object per table (no batching; the path must not contain `{{UUID}}`)."
        },
        "athena": {
          "type": "boolean",
          "default": false,
          "description": "Rewrite keys inside JSON columns so that Glue crawlers and Athena (Hive metastore) accept them."
        },
        "test_write": {
          "oneOf": [
            {
              "type": "boolean",
              "default": true,
              "description": "Upload an empty test object at startup to verify write access."
            },
            {"type": "null"}
          ]
        },
        "content_type": {
          "type": "string",
          "default": "",
          "description": "Content-Type for uploaded objects. By default: `text/csv`, `application/json`, `application/vnd.apache.parquet`, or `application/gzip` when compressed."
        },
        "endpoint": {
          "type": "string",
          "default": "",
          "description": "Custom S3 endpoint URL for S3-compatible stores such as MinIO or Ceph (see also `use_path_style`)."
        },
        "server_side_encryption_configuration": {
          "oneOf": [
            {"$ref": "#/$defs/ServerSideEncryptionConfiguration"},
            {"type": "null"}
          ]
        },
        "use_path_style": {
          "type": "boolean",
          "default": false,
          "description": "Address the bucket in the URL path (`https://host/BUCKET/KEY`) instead of the host name."
        },
        "endpoint_skip_tls_verify": {
          "type": "boolean",
          "default": false,
          "description": "Skip TLS certificate verification for the S3 endpoint (meant for custom endpoints)."
        },
        "acl": {
          "type": "string",
          "default": "",
          "description": "Canned ACL for uploaded objects, e.g. `bucket-owner-full-control`."
        },
        "write_empty_objects_for_empty_tables": {
          "type": "boolean",
          "default": false,
          "description": "Write an empty Parquet object (schema only) for tables that receive no rows."
        },
        "batch_size": {
          "oneOf": [
            {
              "type": "integer",
              "minimum": 1,
              "default": 10000,
              "description": "Maximum number of rows per object. Defaults to 10000 (0 with `no_rotate`)."
            },
            {"type": "null"}
          ]
        },
        "batch_size_bytes": {
          "oneOf": [
            {
              "type": "integer",
              "minimum": 1,
              "default": 52428800,
              "description": "Maximum in-memory (Arrow) size of the rows per object. Defaults to 52428800 (50 MiB; 0 with `no_rotate`)."
            },
            {"type": "null"}
          ]
        },
        "batch_timeout": {
          "oneOf": [
            {
              "$ref": "#/$defs/Duration",
              "default": "30s",
              "description": "Maximum time an object stays open before it is completed. Defaults to `30s` (`0s` with `no_rotate`)."
            },
            {"type": "null"}
          ]
        },
        "aws_debug": {
          "type": "boolean",
          "default": false,
          "description": "Log AWS requests and responses (needs `--log-level debug`)."
        },
        "max_retries": {
          "oneOf": [
            {
              "type": "integer",
              "default": 3,
              "description": "Maximum number of attempts per S3 request."
            },
            {"type": "null"}
          ]
        },
        "max_backoff": {
          "oneOf": [
            {
              "type": "integer",
              "default": 30,
              "description": "Maximum wait between retries, in seconds."
            },
            {"type": "null"}
          ]
        },
        "part_size": {
          "oneOf": [
            {
              "type": "integer",
              "default": 5242880,
              "description": "Size in bytes of each multipart upload part (5 MiB by default)."
            },
            {"type": "null"}
          ]
        },
        "memory_budget_bytes": {
          "oneOf": [
            {
              "type": "integer",
              "minimum": 16777216,
              "default": 134217728,
              "description": "Not in the Go plugin. Bytes the plugin may hold in memory for open objects and uploads in flight (128 MiB by default). When open objects outgrow it, their bytes move to temporary files in TMPDIR (objects keep their size); when uploads hold it, the plugin stops reading from the CLI until they finish."
            },
            {"type": "null"}
          ]
        },
        "request_checksum_calculation": {
          "type": "string",
          "enum": ["", "when_supported", "when_required"],
          "default": "when_supported",
          "description": "Not in the Go plugin. `when_supported` (default, as the AWS SDK): a CRC32 checksum on every upload; `when_required`: none, for S3-compatible stores that reject them."
        },
        "max_concurrent_requests": {
          "oneOf": [
            {
              "type": "integer",
              "minimum": 1,
              "maximum": 1024,
              "default": 16,
              "description": "Not in the Go plugin. The most S3 requests in flight at once, for all tables and parts of a sync together (16 by default). Lowered automatically while S3 answers SlowDown or other throttling errors, and raised again as requests succeed."
            },
            {"type": "null"}
          ]
        },
        "manifest_path": {
          "type": "string",
          "pattern": "^([^/].*)?$",
          "description": "Not in the Go plugin. When set, a JSON manifest listing every object of the sync (key, table, rows, bytes, checksum) is written here at the end of a successful sync. Supports {{SYNC_ID}}, {{YEAR}}, {{MONTH}}, {{DAY}}, {{HOUR}}, {{MINUTE}}."
        },
        "storage_class": {
          "type": "string",
          "enum": ["", "STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "OUTPOSTS", "GLACIER_IR", "SNOW", "EXPRESS_ONEZONE"],
          "description": "Not in the Go plugin. Storage class of data objects (`x-amz-storage-class`). Empty means the bucket's default."
        },
        "tags": {
          "oneOf": [
            {
              "type": "object",
              "maxProperties": 10,
              "propertyNames": {"minLength": 1, "maxLength": 128, "not": {"pattern": "^aws:"}},
              "additionalProperties": {"type": "string", "maxLength": 256},
              "description": "Not in the Go plugin. Tags of every data object (`x-amz-tagging`): at most 10, keys up to 128 and values up to 256 characters (letters, digits, spaces and + - = . _ : / @).",
              "examples": [{"team": "data", "source": "cloudquery"}]
            },
            {"type": "null"}
          ]
        },
        "metadata": {
          "oneOf": [
            {
              "type": "object",
              "propertyNames": {"minLength": 1, "not": {"pattern": "[^A-Za-z0-9!#$%&'*+.^_`|~-]"}},
              "additionalProperties": {"type": "string", "not": {"anyOf": [{"pattern": "[^\\x20-\\x7e]"}, {"pattern": "^ | $"}]}},
              "description": "Not in the Go plugin. User metadata of every data object (`x-amz-meta-<key>`, keys sent lower-case): HTTP header names and printable ASCII values, 2 KiB in all.",
              "examples": [{"pipeline": "cloudquery", "owner": "data-team"}]
            },
            {"type": "null"}
          ]
        },
        "content_encoding": {
          "type": "string",
          "not": {"anyOf": [{"pattern": "[^\\x20-\\x7e]"}, {"pattern": "^ | $"}]},
          "description": "Not in the Go plugin. `Content-Encoding` of data objects, e.g. `gzip` for objects a browser or CDN should decompress.",
          "examples": ["gzip"]
        },
        "if_none_match": {
          "type": "boolean",
          "default": false,
          "description": "Not in the Go plugin. Conditional writes (`If-None-Match: *` on PutObject and CompleteMultipartUpload): a key that already exists is never overwritten; that object fails with a message naming the key."
        },
        "max_open_partitions": {
          "oneOf": [
            {
              "type": "integer",
              "minimum": 1,
              "default": 64,
              "description": "Not in the Go plugin. With row variables (`{{.column}}`) in `path`: objects open at once per table, one per partition; when a row needs one more, the least recently written object closes first."
            },
            {"type": "null"}
          ]
        }
      },
      "oneOf": [
        {
          "properties": {
            "format": {"type": "string", "const": "csv"},
            "format_spec": {"oneOf": [{"$ref": "#/$defs/CSVSpec"}, {"type": "null"}]}
          }
        },
        {
          "properties": {
            "format": {"type": "string", "const": "json"},
            "format_spec": {"oneOf": [{"$ref": "#/$defs/JSONSpec"}, {"type": "null"}]}
          }
        },
        {
          "properties": {
            "format": {"type": "string", "const": "parquet"},
            "format_spec": {"oneOf": [{"$ref": "#/$defs/ParquetSpec"}, {"type": "null"}]}
          }
        }
      ],
      "allOf": [
        {
          "title": "`path` is a clean path value",
          "properties": {
            "path": {
              "type": "string",
              "not": {"anyOf": [{"pattern": "^.*\\./.*$"}, {"pattern": "^.*//.*$"}]}
            }
          },
          "errorMessage": {"properties": {"path": "value must not contain ./ or //"}}
        },
        {
          "title": "Disallow {{UUID}} in path when using no_rotate",
          "if": {
            "properties": {"no_rotate": {"type": "boolean", "const": true}},
            "required": ["no_rotate"]
          },
          "then": {
            "properties": {
              "path": {"type": "string", "not": {"pattern": "^.*\\{\\{UUID\\}\\}.*$"}}
            }
          },
          "errorMessage": {
            "properties": {
              "path": "the {{UUID}} placeholder must not be present in the path when no_rotate is enabled"
            }
          }
        },
        {
          "title": "Disallow batching when using no_rotate",
          "if": {
            "properties": {"no_rotate": {"type": "boolean", "const": true}},
            "required": ["no_rotate"]
          },
          "then": {
            "properties": {
              "batch_size": {"type": "null"},
              "batch_size_bytes": {"type": "null"},
              "batch_timeout": {"type": "null"}
            }
          },
          "errorMessage": {
            "properties": {
              "no_rotate": "batching options must not be present when no_rotate is enabled",
              "batch_size": "batching options must not be present when no_rotate is enabled",
              "batch_size_bytes": "batching options must not be present when no_rotate is enabled",
              "batch_timeout": "batching options must not be present when no_rotate is enabled"
            }
          }
        },
        {
          "title": "Require {{UUID}} in path when batching",
          "if": {
            "properties": {"no_rotate": {"type": "boolean", "const": false}}
          },
          "then": {
            "properties": {
              "path": {"type": "string", "pattern": "^.*\\{\\{UUID\\}\\}.*$"}
            }
          },
          "errorMessage": {
            "properties": {"path": "the {{UUID}} placeholder must be present in the path"}
          }
        },
        {
          "title": "write_empty_objects_for_empty_tables requires parquet format",
          "if": {
            "properties": {"write_empty_objects_for_empty_tables": {"type": "boolean", "const": true}},
            "required": ["write_empty_objects_for_empty_tables"]
          },
          "then": {
            "properties": {"format": {"type": "string", "const": "parquet"}},
            "required": ["format"]
          },
          "errorMessage": {
            "properties": {
              "format": "when using `write_empty_objects_for_empty_tables` format must be set to `parquet`"
            }
          }
        }
      ]
    },
    "CSVSpec": {
      "type": "object",
      "additionalProperties": false,
      "description": "Options for CSV output.",
      "properties": {
        "skip_header": {
          "type": "boolean",
          "default": false,
          "description": "Do not write the header row."
        },
        "delimiter": {
          "type": "string",
          "pattern": "^.$",
          "default": ",",
          "description": "Field delimiter: a single character (e.g. \"\\t\" for TSV)."
        }
      }
    },
    "JSONSpec": {
      "type": "object",
      "additionalProperties": false,
      "description": "Options for JSON Lines output (none yet)."
    },
    "ParquetSpec": {
      "type": "object",
      "additionalProperties": false,
      "description": "Options for Parquet output.",
      "properties": {
        "version": {
          "type": "string",
          "enum": ["v1.0", "v2.4", "v2.6", "v2Latest"],
          "default": "v2Latest",
          "description": "Parquet format version."
        },
        "root_repetition": {
          "type": "string",
          "enum": ["undefined", "required", "optional", "repeated"],
          "default": "repeated",
          "description": "Repetition of the schema root (Snowflake needs `undefined`)."
        },
        "max_row_group_length": {
          "type": "integer",
          "minimum": 1,
          "default": 134217728,
          "description": "Maximum number of rows per row group. 0 is refused (the Go plugin hangs on it)."
        },
        "compression": {
          "type": "string",
          "enum": ["snappy", "zstd", "gzip", "none"],
          "default": "snappy",
          "description": "Column-chunk codec. Not in the Go plugin, which always uses snappy."
        }
      }
    },
    "Credentials": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "local_profile": {
          "type": "string",
          "description": "Name of a profile from the shared AWS config/credentials files.",
          "examples": ["my_aws_profile"]
        },
        "role_arn": {
          "type": "string",
          "pattern": "^(arn(:[^:\n]*){5}([:/].*)?)?$",
          "description": "ARN of a role to assume with STS."
        },
        "role_session_name": {
          "type": "string",
          "description": "Session name used when assuming `role_arn`.",
          "examples": ["my_aws_role_session_name"]
        },
        "external_id": {
          "type": "string",
          "description": "External ID used when assuming `role_arn`.",
          "examples": ["external_id"]
        }
      }
    },
    "ServerSideEncryptionConfiguration": {
      "type": "object",
      "additionalProperties": false,
      "required": ["sse_kms_key_id", "server_side_encryption"],
      "description": "Server-side encryption settings sent with every upload.",
      "properties": {
        "sse_kms_key_id": {
          "type": "string",
          "description": "KMS key ID (x-amz-server-side-encryption-aws-kms-key-id)."
        },
        "server_side_encryption": {
          "type": "string",
          "enum": ["AES256", "aws:kms", "aws:kms:dsse"],
          "description": "Encryption type (x-amz-server-side-encryption)."
        }
      }
    },
    "Duration": {
      "type": "string",
      "pattern": "^[-+]?([0-9]*(\\.[0-9]*)?[a-z]+)+$",
      "title": "Go duration",
      "description": "A Go duration string such as `30s`, `1m30s` or `1h`."
    }
  }
}
"""#
}
