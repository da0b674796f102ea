// Expected results recorded from Go itself: a Go program that runs the same steps as the Go
// plugin (encoding/json Unmarshal into the plugin's Spec struct shape, Validate, SetDefaults,
// the {{SYNC_ID}} check; time.ParseDuration; path.Clean; json.Marshal of a float64;
// ReplacePathVariables; strconv.Quote) was fed these inputs. The Go used was 1.19; messages
// about the fields promoted from filetypes.FileSpec (format, format_spec, compression) were
// changed to Go 1.24+'s wording, which names the embedded struct: `Spec.FileSpec.format`.
//
// One JSON object per line: op (spec | duration | clean | float | render | quote), the
// inputs, and `want` (for spec: "ERR <message>" or "OK <field dump>", see GoGoldenTests).
let goGoldenCasesJSONL = #"""
{"op": "spec", "in": "null", "inv": "inv-1", "want": "ERR `bucket` is required"}
{"op": "spec", "in": "", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: unexpected end of JSON input"}
{"op": "spec", "in": "[]", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go value of type spec.Spec"}
{"op": "spec", "in": "\"x\"", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go value of type spec.Spec"}
{"op": "spec", "in": "5", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go value of type spec.Spec"}
{"op": "spec", "in": "true", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go value of type spec.Spec"}
{"op": "spec", "in": "{\"a\":1,}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '}' looking for beginning of object key string"}
{"op": "spec", "in": "{\"a\" 1}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '1' after object key"}
{"op": "spec", "in": "{\"a\":1 \"b\":2}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '\"' after object key:value pair"}
{"op": "spec", "in": "[1 2]", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '2' after array element"}
{"op": "spec", "in": "{\"a\":tru}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '}' in literal true (expecting 'e')"}
{"op": "spec", "in": "{\"a\":nul}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '}' in literal null (expecting 'l')"}
{"op": "spec", "in": "{\"a\":fals}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '}' in literal false (expecting 'e')"}
{"op": "spec", "in": "{\"a\":-}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '}' in numeric literal"}
{"op": "spec", "in": "{\"a\":1.}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '}' after decimal point in numeric literal"}
{"op": "spec", "in": "{\"a\":1e}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '}' in exponent of numeric literal"}
{"op": "spec", "in": "{\"a\":01}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '1' after object key:value pair"}
{"op": "spec", "in": "{\"a\":\"\\x\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character 'x' in string escape code"}
{"op": "spec", "in": "{\"a\":\"\\u12g4\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character 'g' in \\u hexadecimal character escape"}
{"op": "spec", "in": "{\"a\":\"\u0001\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '\\x01' in string literal"}
{"op": "spec", "in": "{} x", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character 'x' after top-level value"}
{"op": "spec", "in": "{}}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '}' after top-level value"}
{"op": "spec", "in": "{'a':1}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '\\'' looking for beginning of object key string"}
{"op": "spec", "in": "\ufeff{}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '\u00ef' looking for beginning of value"}
{"op": "spec", "in": "{\"a\":.5}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '.' looking for beginning of value"}
{"op": "spec", "in": "{\"a\":+1}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '+' looking for beginning of value"}
{"op": "spec", "in": "{\"a\":[1,]}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character ']' looking for beginning of value"}
{"op": "spec", "in": "{\"a\":NaN}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character 'N' looking for beginning of value"}
{"op": "spec", "in": "{\"a\":\"\\'\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character '\\'' in string escape code"}
{"op": "spec", "in": "{\"\u00c3\u00a9\":1,,}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: invalid character ',' looking for beginning of object key string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"s\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR unknown format s"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":5,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.FileSpec.format of type filetypes.FormatType"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":true,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.FileSpec.format of type filetypes.FormatType"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":null,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR unknown format "}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":[],\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.FileSpec.format of type filetypes.FormatType"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":{},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.FileSpec.format of type filetypes.FormatType"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"30s\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR unknown format 30s"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"format_spec\":\"s\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal string into Go value of type csv.CSVSpec"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"format_spec\":5,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal number into Go value of type csv.CSVSpec"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"format_spec\":true,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal bool into Go value of type csv.CSVSpec"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"format_spec\":[],\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal array into Go value of type csv.CSVSpec"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"format_spec\":{\"a\":1},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: unknown field \"a\""}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"s\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR `compression` must be either empty or `gzip`"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":5,\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.FileSpec.compression of type filetypes.CompressionType"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":true,\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.FileSpec.compression of type filetypes.CompressionType"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":[],\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.FileSpec.compression of type filetypes.CompressionType"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":{},\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.FileSpec.compression of type filetypes.CompressionType"}
{"op": "spec", "in": "{\"bucket\":5,\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.bucket of type string"}
{"op": "spec", "in": "{\"bucket\":true,\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.bucket of type string"}
{"op": "spec", "in": "{\"bucket\":[],\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.bucket of type string"}
{"op": "spec", "in": "{\"bucket\":{},\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.bucket of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":5}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.region of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":true}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.region of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":null}", "inv": "inv-1", "want": "ERR `region` is required"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":[]}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.region of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":{}}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.region of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"local_profile\":5,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.local_profile of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"local_profile\":true,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.local_profile of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"local_profile\":[],\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.local_profile of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"local_profile\":{},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.local_profile of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"credentials\":\"s\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.credentials of type spec.Credentials"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"credentials\":5,\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.credentials of type spec.Credentials"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"credentials\":true,\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.credentials of type spec.Credentials"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"credentials\":[],\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.credentials of type spec.Credentials"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"s\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR `path` should contain {{UUID}} when using a non-zero `batch_size`, `batch_size_bytes` or `batch_timeout_ms`"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":5,\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.path of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":true,\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.path of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":null,\"region\":\"r\"}", "inv": "inv-1", "want": "ERR `path` is required"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":[],\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.path of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":{},\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.path of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":\"s\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.no_rotate of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":5,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.no_rotate of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":true,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR `path` should not contain {{UUID}} when `no_rotate` = true"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":[],\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.no_rotate of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":{},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.no_rotate of type bool"}
{"op": "spec", "in": "{\"athena\":\"s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.athena of type bool"}
{"op": "spec", "in": "{\"athena\":5,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.athena of type bool"}
{"op": "spec", "in": "{\"athena\":[],\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.athena of type bool"}
{"op": "spec", "in": "{\"athena\":{},\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.athena of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"test_write\":\"s\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.test_write of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"test_write\":5}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.test_write of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"test_write\":[]}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.test_write of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"test_write\":{}}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.test_write of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"content_type\":5,\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.content_type of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"content_type\":true,\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.content_type of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"content_type\":[],\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.content_type of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"content_type\":{},\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.content_type of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"endpoint\":5,\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.endpoint of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"endpoint\":true,\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.endpoint of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"endpoint\":[],\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.endpoint of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"endpoint\":{},\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.endpoint of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"server_side_encryption_configuration\":\"s\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.server_side_encryption_configuration of type spec.ServerSideEncryptionConfiguration"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"server_side_encryption_configuration\":5}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.server_side_encryption_configuration of type spec.ServerSideEncryptionConfiguration"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"server_side_encryption_configuration\":true}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.server_side_encryption_configuration of type spec.ServerSideEncryptionConfiguration"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"server_side_encryption_configuration\":[]}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.server_side_encryption_configuration of type spec.ServerSideEncryptionConfiguration"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"use_path_style\":\"s\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.use_path_style of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"use_path_style\":5}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.use_path_style of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"use_path_style\":[]}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.use_path_style of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"use_path_style\":{}}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.use_path_style of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"endpoint_skip_tls_verify\":\"s\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.endpoint_skip_tls_verify of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"endpoint_skip_tls_verify\":5,\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.endpoint_skip_tls_verify of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"endpoint_skip_tls_verify\":[],\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.endpoint_skip_tls_verify of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"endpoint_skip_tls_verify\":{},\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.endpoint_skip_tls_verify of type bool"}
{"op": "spec", "in": "{\"acl\":\"s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR invalid `acl` value: s"}
{"op": "spec", "in": "{\"acl\":5,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.acl of type string"}
{"op": "spec", "in": "{\"acl\":true,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.acl of type string"}
{"op": "spec", "in": "{\"acl\":[],\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.acl of type string"}
{"op": "spec", "in": "{\"acl\":{},\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.acl of type string"}
{"op": "spec", "in": "{\"acl\":\"30s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR invalid `acl` value: 30s"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":\"s\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.write_empty_objects_for_empty_tables of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":5}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.write_empty_objects_for_empty_tables of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":true}", "inv": "inv-1", "want": "ERR `write_empty_objects_for_empty_tables` can only be used with `parquet` format"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":[]}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.write_empty_objects_for_empty_tables of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":{}}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.write_empty_objects_for_empty_tables of type bool"}
{"op": "spec", "in": "{\"batch_size\":\"s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.batch_size of type int64"}
{"op": "spec", "in": "{\"batch_size\":5.5,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 5.5 into Go struct field Spec.batch_size of type int64"}
{"op": "spec", "in": "{\"batch_size\":1000.0,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 1000.0 into Go struct field Spec.batch_size of type int64"}
{"op": "spec", "in": "{\"batch_size\":true,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.batch_size of type int64"}
{"op": "spec", "in": "{\"batch_size\":[],\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.batch_size of type int64"}
{"op": "spec", "in": "{\"batch_size\":{},\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.batch_size of type int64"}
{"op": "spec", "in": "{\"batch_size\":12345678901234567890,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 12345678901234567890 into Go struct field Spec.batch_size of type int64"}
{"op": "spec", "in": "{\"batch_size_bytes\":\"s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.batch_size_bytes of type int64"}
{"op": "spec", "in": "{\"batch_size_bytes\":5.5,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 5.5 into Go struct field Spec.batch_size_bytes of type int64"}
{"op": "spec", "in": "{\"batch_size_bytes\":1000.0,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 1000.0 into Go struct field Spec.batch_size_bytes of type int64"}
{"op": "spec", "in": "{\"batch_size_bytes\":true,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.batch_size_bytes of type int64"}
{"op": "spec", "in": "{\"batch_size_bytes\":[],\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.batch_size_bytes of type int64"}
{"op": "spec", "in": "{\"batch_size_bytes\":{},\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.batch_size_bytes of type int64"}
{"op": "spec", "in": "{\"batch_size_bytes\":12345678901234567890,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 12345678901234567890 into Go struct field Spec.batch_size_bytes of type int64"}
{"op": "spec", "in": "{\"batch_timeout\":\"s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: time: invalid duration \"s\""}
{"op": "spec", "in": "{\"batch_timeout\":5,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.batch_timeout of type string"}
{"op": "spec", "in": "{\"batch_timeout\":true,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.batch_timeout of type string"}
{"op": "spec", "in": "{\"batch_timeout\":[],\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.batch_timeout of type string"}
{"op": "spec", "in": "{\"batch_timeout\":{},\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.batch_timeout of type string"}
{"op": "spec", "in": "{\"batch_timeout\":\"\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: time: invalid duration \"\""}
{"op": "spec", "in": "{\"aws_debug\":\"s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.aws_debug of type bool"}
{"op": "spec", "in": "{\"aws_debug\":5,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.aws_debug of type bool"}
{"op": "spec", "in": "{\"aws_debug\":[],\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.aws_debug of type bool"}
{"op": "spec", "in": "{\"aws_debug\":{},\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.aws_debug of type bool"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_retries\":\"s\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.max_retries of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_retries\":5.5,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 5.5 into Go struct field Spec.max_retries of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_retries\":1000.0,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 1000.0 into Go struct field Spec.max_retries of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_retries\":true,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.max_retries of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_retries\":[],\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.max_retries of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_retries\":{},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.max_retries of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_retries\":12345678901234567890,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 12345678901234567890 into Go struct field Spec.max_retries of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_backoff\":\"s\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.max_backoff of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_backoff\":5.5,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 5.5 into Go struct field Spec.max_backoff of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_backoff\":1000.0,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 1000.0 into Go struct field Spec.max_backoff of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_backoff\":true,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.max_backoff of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_backoff\":[],\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.max_backoff of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_backoff\":{},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.max_backoff of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_backoff\":12345678901234567890,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 12345678901234567890 into Go struct field Spec.max_backoff of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"part_size\":\"s\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.part_size of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"part_size\":5.5,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 5.5 into Go struct field Spec.part_size of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"part_size\":1000.0,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 1000.0 into Go struct field Spec.part_size of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"part_size\":true,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal bool into Go struct field Spec.part_size of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"part_size\":[],\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.part_size of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"part_size\":{},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal object into Go struct field Spec.part_size of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"part_size\":12345678901234567890,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 12345678901234567890 into Go struct field Spec.part_size of type int64"}
{"op": "spec", "in": "{\"batch_size\":1.0,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 1.0 into Go struct field Spec.batch_size of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_retries\":1.0,\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 1.0 into Go struct field Spec.max_retries of type int"}
{"op": "spec", "in": "{\"batch_size\":1e3,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 1e3 into Go struct field Spec.batch_size of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_retries\":1e3,\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 1e3 into Go struct field Spec.max_retries of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"parquet\",\"format_spec\":{\"max_row_group_length\":12345678901234567890},\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal number 12345678901234567000 into Go struct field ParquetSpec.max_row_group_length of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"parquet\",\"format_spec\":{\"max_row_group_length\":9223372036854775807},\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal number 9223372036854776000 into Go struct field ParquetSpec.max_row_group_length of type int64"}
{"op": "spec", "in": "{\"batch_size\":9223372036854775808,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 9223372036854775808 into Go struct field Spec.batch_size of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_retries\":9223372036854775808,\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 9223372036854775808 into Go struct field Spec.max_retries of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"parquet\",\"format_spec\":{\"max_row_group_length\":-9223372036854775808},\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal number -9223372036854776000 into Go struct field ParquetSpec.max_row_group_length of type int64"}
{"op": "spec", "in": "{\"batch_size\":1E2,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 1E2 into Go struct field Spec.batch_size of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_retries\":1E2,\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 1E2 into Go struct field Spec.max_retries of type int"}
{"op": "spec", "in": "{\"batch_size\":0.0,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 0.0 into Go struct field Spec.batch_size of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"max_retries\":0.0,\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 0.0 into Go struct field Spec.max_retries of type int"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"parquet\",\"format_spec\":{\"max_row_group_length\":1e400},\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 1e400 into Go struct field Spec.FileSpec.format_spec of type float64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"parquet\",\"format_spec\":{\"max_row_group_length\":1e21},\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal number 1e+21 into Go struct field ParquetSpec.max_row_group_length of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"parquet\",\"format_spec\":{\"max_row_group_length\":1e20},\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal number 100000000000000000000 into Go struct field ParquetSpec.max_row_group_length of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"parquet\",\"format_spec\":{\"max_row_group_length\":0.0000001},\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal number 1e-7 into Go struct field ParquetSpec.max_row_group_length of type int64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"/a\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR `path` should not start with a \"/\""}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"a//b\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR `path` should not contain relative paths or duplicate slashes"}
{"op": "spec", "in": "{\"batch_timeout\":\"1s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":true,\"path\":\".\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR `no_rotate` cannot be used with non-zero `batch_size`, `batch_size_bytes` or `batch_timeout_ms`"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{SYNC_ID}}/{{UUID}}\",\"region\":\"r\"}", "inv": "", "want": "ERR path contains {{SYNC_ID}}. Upgrade your CLI to use this path variable"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"csv\",\"format_spec\":{\"delimiter\":\"ab\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR delimiter must be a single character"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"csv\",\"format_spec\":{\"version\":\"v1.0\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: unknown field \"version\""}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"csv\",\"format_spec\":{\"root_repetition\":\"x\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: unknown field \"root_repetition\""}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"csv\",\"format_spec\":{\"max_row_group_length\":-4},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: unknown field \"max_row_group_length\""}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"csv\",\"format_spec\":{\"delimiter22\":\",\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: unknown field \"delimiter22\""}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"csv\",\"format_spec\":{\"delimiter\":5,\"x\":1},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal number into Go struct field CSVSpec.delimiter of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"csv\",\"format_spec\":{\"VERSION\":\"v2.4\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: unknown field \"VERSION\""}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"json\",\"format_spec\":{\"delimiter\":\";\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: unknown field \"delimiter\""}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"json\",\"format_spec\":{\"skip_header\":true},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: unknown field \"skip_header\""}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"json\",\"format_spec\":{\"Delimiter\":\"|\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: unknown field \"Delimiter\""}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"json\",\"format_spec\":\"str\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal string into Go value of type json.JSONSpec"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"json\",\"format_spec\":[],\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal array into Go value of type json.JSONSpec"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"json\",\"format_spec\":5,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal number into Go value of type json.JSONSpec"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"json\",\"format_spec\":true,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal bool into Go value of type json.JSONSpec"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"json\",\"format_spec\":{\"DELIMITER\":\"|\",\"delimiter\":\";\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: unknown field \"DELIMITER\""}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"parquet\",\"format_spec\":{\"version\":\"x\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR invalid version: x. Allowed values are v1.0, v2.4, v2.6, v2Latest"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"parquet\",\"format_spec\":{\"root_repetition\":\"x\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR invalid rootRepetition: x. Allowed values are undefined, required, optional, repeated"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"parquet\",\"format_spec\":{\"max_row_group_length\":-4},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR invalid: maxRowGroupLength: -4. Must be zero or positive"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"parquet\",\"format_spec\":\"str\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal string into Go value of type parquet.ParquetSpec"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"parquet\",\"format_spec\":[],\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal array into Go value of type parquet.ParquetSpec"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"parquet\",\"format_spec\":5,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal number into Go value of type parquet.ParquetSpec"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"parquet\",\"format_spec\":true,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR json: cannot unmarshal bool into Go value of type parquet.ParquetSpec"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"gzip\",\"format\":\"parquet\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR compression is not supported for parquet format"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"CSV\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR unknown format CSV"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"xml\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR unknown format xml"}
{"op": "spec", "in": "{\"acl\":\"Private\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR invalid `acl` value: Private"}
{"op": "spec", "in": "{\"acl\":\"log-delivery-write\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR invalid `acl` value: log-delivery-write"}
{"op": "spec", "in": "{\"acl\":\"invalid\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR invalid `acl` value: invalid"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"credentials\":{\"role_arn\":5},\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Credentials.credentials.role_arn of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"credentials\":{\"local_profile\":\"x\"},\"format\":\"csv\",\"local_profile\":\"p\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR `local_profile` cannot be used with `credentials`"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"server_side_encryption_configuration\":{\"server_side_encryption\":5}}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field ServerSideEncryptionConfiguration.server_side_encryption_configuration.server_side_encryption of type types.ServerSideEncryption"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"server_side_encryption_configuration\":{\"sse_kms_key_id\":5}}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field ServerSideEncryptionConfiguration.server_side_encryption_configuration.sse_kms_key_id of type string"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"region\":\"r\",\"path\":\"{{UUID}}\",\"format\":\"json\",\"format_spec\":{\"\u00e9\\n\\u0001\":1}}", "inv": "inv-1", "want": "ERR json: unknown field \"\u00e9\\n\\x01\""}
{"op": "spec", "in": "{\"batch_timeout\":\"1\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: time: missing unit in duration \"1\""}
{"op": "spec", "in": "{\"batch_timeout\":\"1x\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: time: unknown unit \"x\" in duration \"1x\""}
{"op": "spec", "in": "{\"batch_timeout\":\".s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: time: invalid duration \".s\""}
{"op": "spec", "in": "{\"batch_timeout\":\"1 s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: time: unknown unit \" s\" in duration \"1 s\""}
{"op": "spec", "in": "{\"batch_timeout\":\"1s \",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: time: unknown unit \"s \" in duration \"1s \""}
{"op": "spec", "in": "{\"batch_timeout\":\"\\u00e9s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: time: invalid duration \"\\xc3\\xa9s\""}
{"op": "spec", "in": "{\"batch_timeout\":\"9223372036854775808ns\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: time: invalid duration \"9223372036854775808ns\""}
{"op": "spec", "in": "{\"batch_timeout\":\"2562048h\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: time: invalid duration \"2562048h\""}
{"op": "spec", "in": "{\"batch_timeout\":\"1e3s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "ERR failed to unmarshal s3 spec: time: unknown unit \"e\" in duration \"1e3s\""}
{"op": "duration", "in": "0", "want": "OK 0 0s"}
{"op": "duration", "in": "5s", "want": "OK 5000000000 5s"}
{"op": "duration", "in": "30s", "want": "OK 30000000000 30s"}
{"op": "duration", "in": "1478s", "want": "OK 1478000000000 24m38s"}
{"op": "duration", "in": "-5s", "want": "OK -5000000000 -5s"}
{"op": "duration", "in": "+5s", "want": "OK 5000000000 5s"}
{"op": "duration", "in": "-0", "want": "OK 0 0s"}
{"op": "duration", "in": "+0", "want": "OK 0 0s"}
{"op": "duration", "in": "0s", "want": "OK 0 0s"}
{"op": "duration", "in": "1.0s", "want": "OK 1000000000 1s"}
{"op": "duration", "in": "1.s", "want": "OK 1000000000 1s"}
{"op": "duration", "in": ".5s", "want": "OK 500000000 500ms"}
{"op": "duration", "in": "1.004s", "want": "OK 1004000000 1.004s"}
{"op": "duration", "in": "1.0040s", "want": "OK 1004000000 1.004s"}
{"op": "duration", "in": "100.00100s", "want": "OK 100001000000 1m40.001s"}
{"op": "duration", "in": "10ns", "want": "OK 10 10ns"}
{"op": "duration", "in": "11us", "want": "OK 11000 11\u00b5s"}
{"op": "duration", "in": "12\u00b5s", "want": "OK 12000 12\u00b5s"}
{"op": "duration", "in": "12\u03bcs", "want": "OK 12000 12\u00b5s"}
{"op": "duration", "in": "13ms", "want": "OK 13000000 13ms"}
{"op": "duration", "in": "14s", "want": "OK 14000000000 14s"}
{"op": "duration", "in": "15m", "want": "OK 900000000000 15m0s"}
{"op": "duration", "in": "16h", "want": "OK 57600000000000 16h0m0s"}
{"op": "duration", "in": "3h30m", "want": "OK 12600000000000 3h30m0s"}
{"op": "duration", "in": "10.5s4m", "want": "OK 250500000000 4m10.5s"}
{"op": "duration", "in": "-2m3.4s", "want": "OK -123400000000 -2m3.4s"}
{"op": "duration", "in": "1h2m3s4ms5us6ns", "want": "OK 3723004005006 1h2m3.004005006s"}
{"op": "duration", "in": "39h9m14.425s", "want": "OK 140954425000000 39h9m14.425s"}
{"op": "duration", "in": "52763797000ns", "want": "OK 52763797000 52.763797s"}
{"op": "duration", "in": "0.3333333333333333333h", "want": "OK 1200000000000 20m0s"}
{"op": "duration", "in": "9007199254740993ns", "want": "OK 9007199254740993 2501h59m59.254740993s"}
{"op": "duration", "in": "9223372036854775807ns", "want": "OK 9223372036854775807 2562047h47m16.854775807s"}
{"op": "duration", "in": "9223372036854775.807us", "want": "OK 9223372036854775807 2562047h47m16.854775807s"}
{"op": "duration", "in": "9223372036854s775ms807us", "want": "ERR time: invalid duration \"9223372036854s775ms807us\""}
{"op": "duration", "in": "-9223372036854775808ns", "want": "OK -9223372036854775808 -2562047h47m16.854775808s"}
{"op": "duration", "in": "-9223372036854775.808us", "want": "OK -9223372036854775808 -2562047h47m16.854775808s"}
{"op": "duration", "in": "-9223372036854s775ms808us", "want": "ERR time: invalid duration \"-9223372036854s775ms808us\""}
{"op": "duration", "in": "-2562047h47m16.854775808s", "want": "OK -9223372036854775808 -2562047h47m16.854775808s"}
{"op": "duration", "in": "0.100000000000000000000h", "want": "OK 360000000000 6m0s"}
{"op": "duration", "in": "0.830103483285477580700h", "want": "OK 2988372539827 49m48.372539827s"}
{"op": "duration", "in": "", "want": "ERR time: invalid duration \"\""}
{"op": "duration", "in": "3", "want": "ERR time: missing unit in duration \"3\""}
{"op": "duration", "in": "-", "want": "ERR time: invalid duration \"-\""}
{"op": "duration", "in": "s", "want": "ERR time: invalid duration \"s\""}
{"op": "duration", "in": ".", "want": "ERR time: invalid duration \".\""}
{"op": "duration", "in": "-.", "want": "ERR time: invalid duration \"-.\""}
{"op": "duration", "in": ".s", "want": "ERR time: invalid duration \".s\""}
{"op": "duration", "in": "+.s", "want": "ERR time: invalid duration \"+.s\""}
{"op": "duration", "in": "1d", "want": "ERR time: unknown unit \"d\" in duration \"1d\""}
{"op": "duration", "in": "\u0085\u0085", "want": "ERR time: invalid duration \"\\xc2\\x85\\xc2\\x85\""}
{"op": "duration", "in": "\u00ffff", "want": "ERR time: invalid duration \"\\xc3\\xbfff\""}
{"op": "duration", "in": "hello \u00ffff world", "want": "ERR time: invalid duration \"hello \\xc3\\xbfff world\""}
{"op": "duration", "in": "9223372036854775810ns", "want": "ERR time: invalid duration \"9223372036854775810ns\""}
{"op": "duration", "in": "9223372036854775808ns", "want": "ERR time: invalid duration \"9223372036854775808ns\""}
{"op": "duration", "in": "-9223372036854775809ns", "want": "ERR time: invalid duration \"-9223372036854775809ns\""}
{"op": "duration", "in": "9223372036854775.808us", "want": "ERR time: invalid duration \"9223372036854775.808us\""}
{"op": "duration", "in": "9223372036854ms775us808ns", "want": "ERR time: invalid duration \"9223372036854ms775us808ns\""}
{"op": "duration", "in": "\u00b5s", "want": "ERR time: invalid duration \"\\xc2\\xb5s\""}
{"op": "duration", "in": "1\u00e9", "want": "ERR time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\""}
{"op": "duration", "in": "1\"s", "want": "ERR time: unknown unit \"\\\"s\" in duration \"1\\\"s\""}
{"op": "duration", "in": "1\\s", "want": "ERR time: unknown unit \"\\\\s\" in duration \"1\\\\s\""}
{"op": "duration", "in": "9223372036854775808ns9223372036854775808ns", "want": "OK 0 0s"}
{"op": "duration", "in": "2562048h", "want": "ERR time: invalid duration \"2562048h\""}
{"op": "duration", "in": "3000000h", "want": "ERR time: invalid duration \"3000000h\""}
{"op": "duration", "in": "1h1h", "want": "OK 7200000000000 2h0m0s"}
{"op": "quote", "in": "abc", "want": "\"abc\""}
{"op": "quote", "in": "a\"b", "want": "\"a\\\"b\""}
{"op": "quote", "in": "a\\b", "want": "\"a\\\\b\""}
{"op": "quote", "in": "\u0001", "want": "\"\\x01\""}
{"op": "quote", "in": "\u007f", "want": "\"\\x7f\""}
{"op": "quote", "in": "\u00e9", "want": "\"\u00e9\""}
{"op": "quote", "in": "\u00a0", "want": "\"\\u00a0\""}
{"op": "quote", "in": "\u00ad", "want": "\"\\u00ad\""}
{"op": "quote", "in": "\u2028", "want": "\"\\u2028\""}
{"op": "quote", "in": "\ud83d\ude00", "want": "\"\ud83d\ude00\""}
{"op": "quote", "in": "\ufffd", "want": "\"\ufffd\""}
{"op": "quote", "in": "\t\n\r\u000b\f\u0007\b", "want": "\"\\t\\n\\r\\v\\f\\a\\b\""}
{"op": "quote", "in": "\u0300", "want": "\"\u0300\""}
{"op": "quote", "in": "\ue000", "want": "\"\\ue000\""}
{"op": "quote", "in": "\udb40\udc01", "want": "\"\\U000e0001\""}
{"op": "quote", "in": "a b", "want": "\"a b\""}
{"op": "spec", "in": "{\"batch_size\":\"x\",\"batch_timeout\":\"abc\"}", "inv": "i", "want": "ERR failed to unmarshal s3 spec: time: invalid duration \"abc\""}
{"op": "spec", "in": "{\"format_spec\":{\"x\":1e400},\"batch_timeout\":\"zz\"}", "inv": "i", "want": "ERR failed to unmarshal s3 spec: time: invalid duration \"zz\""}
{"op": "spec", "in": "{\"format_spec\":{\"a\":[1e999]},\"x\":1}", "inv": "i", "want": "ERR failed to unmarshal s3 spec: json: cannot unmarshal number 1e999 into Go struct field Spec.FileSpec.format_spec of type float64"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"region\":\"r\",\"path\":\"{{UUID}}\",\"format\":\"csv\",\"batch_timeout\":\"1s\",\"batch_timeout\":\"bad\"}", "inv": "i", "want": "ERR failed to unmarshal s3 spec: time: invalid duration \"bad\""}
{"op": "spec", "in": "{\"batch_size\":1,\"batch_size_bytes\":1,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"a/{{TABLE}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=1 batch_size_bytes=1 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"credentials\":{},\"format\":\"csv\",\"local_profile\":\"\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=\"\",\"\",\"\",\"\""}
{"op": "spec", "in": "{\"batch_size\":1,\"batch_size_bytes\":1,\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{SYNC_ID}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"{{SYNC_ID}}/{{UUID}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=1 batch_size_bytes=1 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"credentials\":{\"role_session_name\":\"s\"},\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=\"\",\"\",\"s\",\"\""}
{"op": "spec", "in": "{\"batch_timeout\":\"500\\u00b5s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=500000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"parquet\",\"format_spec\":{\"root_repetition\":\"undefined\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":true}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"parquet\" fs=parquet:v2Latest,undefined,134217728 compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=true batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_timeout\":\"1s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"a/{{TABLE}}/{{UUID}}\",\"region\":\"r\"}", "inv": "", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"a/{{TABLE_HYPHEN}}\",\"region\":\"r\"}", "inv": "", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE_HYPHEN}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"credentials\":{\"role_arn\":\"arn:aws:iam::1:role/x\"},\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=\"\",\"arn:aws:iam::1:role/x\",\"\",\"\""}
{"op": "spec", "in": "{\"batch_size\":1,\"batch_size_bytes\":1,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"{{SYNC_ID}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"{{SYNC_ID}}/{{UUID}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=1 batch_size_bytes=1 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\".\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"./{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":true,\"path\":\".\",\"region\":\"r\"}", "inv": "", "want": "OK bucket=\"b\" region=\"r\" path=\"./{{TABLE}}.csv\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=true athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"parquet\",\"format_spec\":{\"root_repetition\":\"undefined\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"parquet\" fs=parquet:v2Latest,undefined,134217728 compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":true,\"path\":\"a/{{TABLE_HYPHEN}}\",\"region\":\"r\"}", "inv": "", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE_HYPHEN}}/{{TABLE}}.csv\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=true athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"a/{{TABLE}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":1,\"batch_size_bytes\":1,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=1 batch_size_bytes=1 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"parquet\",\"format_spec\":{\"max_row_group_length\":0},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":false}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"parquet\" fs=parquet:v2Latest,repeated,0 compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":true,\"path\":\".\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"./{{TABLE}}.csv\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=true athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size_bytes\":5,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=5 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":1,\"batch_size_bytes\":1,\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"a/{{TABLE}}/{{UUID}}\",\"region\":\"r\"}", "inv": "", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=1 batch_size_bytes=1 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"{{UUID}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"parquet\",\"format_spec\":{\"max_row_group_length\":-0},\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"{{UUID}}/{{TABLE}}.parquet.{{UUID}}\" format=\"parquet\" fs=parquet:v2Latest,repeated,0 compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"a/{{TABLE_HYPHEN}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE_HYPHEN}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"parquet\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":true}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"parquet\" fs=parquet:v2Latest,repeated,134217728 compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=true batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"server_side_encryption_configuration\":{\"server_side_encryption\":\"aws:kms\",\"sse_kms_key_id\":\"k\"}}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=\"k\",\"aws:kms\" write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"gzip\",\"format\":\"csv\",\"format_spec\":{\"Delimiter\":\"|\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\"|\",false compression=\"gzip\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"test_write\":false}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=false content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":true,\"path\":\"{{SYNC_ID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"{{SYNC_ID}}/{{TABLE}}.csv\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=true athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":true,\"path\":\"a/{{TABLE}}\",\"region\":\"r\"}", "inv": "", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=true athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":1,\"batch_size_bytes\":1,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=1 batch_size_bytes=1 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"json\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"json\" fs=json compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":1,\"batch_size_bytes\":1,\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=1 batch_size_bytes=1 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"parquet\",\"format_spec\":{\"max_row_group_length\":-0.0},\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"{{UUID}}/{{TABLE}}.parquet.{{UUID}}\" format=\"parquet\" fs=parquet:v2Latest,repeated,0 compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":1,\"batch_size_bytes\":1,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=1 batch_size_bytes=1 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"30s\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"30s\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"parquet\",\"format_spec\":{\"VERSION\":\"v2.4\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":false}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"parquet\" fs=parquet:v2.4,repeated,134217728 compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":true,\"path\":\"a/{{TABLE_HYPHEN}}\",\"region\":\"r\"}", "inv": "", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE_HYPHEN}}/{{TABLE}}.csv\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=true athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"server_side_encryption_configuration\":{}}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=\"\",\"\" write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"endpoint\":\"\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"athena\":false,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"local_profile\":\"p\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"p\" creds=\"p\",\"\",\"\",\"\""}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"a/b\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"a/b/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":true,\"path\":\"{{SYNC_ID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"{{SYNC_ID}}/{{TABLE}}.csv\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=true athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"parquet\",\"format_spec\":{\"version\":\"v1.0\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":true}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"parquet\" fs=parquet:v1.0,repeated,134217728 compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=true batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_timeout\":\"1s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"a/{{TABLE}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"{{UUID}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":1,\"batch_size_bytes\":1,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"a/{{TABLE}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=1 batch_size_bytes=1 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{SYNC_ID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"{{SYNC_ID}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"acl\":\"aws-exec-read\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"aws-exec-read\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\".\",\"region\":\"r\"}", "inv": "", "want": "OK bucket=\"b\" region=\"r\" path=\"./{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":true,\"path\":\"a/{{TABLE_HYPHEN}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE_HYPHEN}}/{{TABLE}}.csv\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=true athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"..\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"../{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"x/{{TABLE}}/{{SYNC_ID}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "", "want": "OK bucket=\"b\" region=\"r\" path=\"{{UUID}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":1,\"batch_size_bytes\":1,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"a/{{TABLE}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=1 batch_size_bytes=1 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":null,\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"csv\",\"format_spec\":{\"delimiter\":\"\\t\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\"\\t\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":null}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"a/{{TABLE}}/{{UUID}}\",\"region\":\"r\"}", "inv": "", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE}}/{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"x\",\"format\":\"csv\",\"path\":\"{{UUID}}\",\"region\":\"x\"}", "inv": "inv-1", "want": "OK bucket=\"x\" region=\"x\" path=\"{{UUID}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "", "want": "OK bucket=\"b\" region=\"r\" path=\"{{UUID}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"a/{{TABLE}}\",\"region\":\"r\"}", "inv": "", "want": "OK bucket=\"b\" region=\"r\" path=\"a/{{TABLE}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{SYNC_ID}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"{{SYNC_ID}}/{{UUID}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_timeout\":\"+0\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"acl\":\"authenticated-read\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"authenticated-read\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":false}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"gzip\",\"format\":\"csv\",\"format_spec\":{\"Delimiter\":\"|\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":false}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\"|\",false compression=\"gzip\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":true,\"path\":\"a/b\",\"region\":\"r\"}", "inv": "", "want": "OK bucket=\"b\" region=\"r\" path=\"a/b/{{TABLE}}.csv\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=true athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":1,\"batch_size_bytes\":1,\"batch_timeout\":\"1s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"{{UUID}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=1 batch_size_bytes=1 batch_timeout=1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"json\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"write_empty_objects_for_empty_tables\":false}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"json\" fs=json compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":0,\"batch_size_bytes\":0,\"batch_timeout\":\"0s\",\"bucket\":\"b\",\"format\":\"csv\",\"no_rotate\":false,\"path\":\"..\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"../{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=0 batch_size_bytes=0 batch_timeout=0 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"{{UUID}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\",\"use_path_style\":false}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"batch_size\":1,\"batch_size_bytes\":1,\"batch_timeout\":\"-1s\",\"bucket\":\"b\",\"format\":\"csv\",\"path\":\"{{SYNC_ID}}/{{UUID}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"{{SYNC_ID}}/{{UUID}}/{{TABLE}}.csv.{{UUID}}\" format=\"csv\" fs=csv:\",\",false compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=1 batch_size_bytes=1 batch_timeout=-1000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "spec", "in": "{\"bucket\":\"b\",\"compression\":\"\",\"format\":\"parquet\",\"format_spec\":{\"version\":\"v1.0\"},\"path\":\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\",\"region\":\"r\"}", "inv": "inv-1", "want": "OK bucket=\"b\" region=\"r\" path=\"p/{{TABLE}}/{{UUID}}.{{FORMAT}}\" format=\"parquet\" fs=parquet:v1.0,repeated,134217728 compression=\"\" no_rotate=false athena=false test_write=true content_type=\"\" endpoint=\"\" use_path_style=false skip_tls=false acl=\"\" sse=nil write_empty=false batch_size=10000 batch_size_bytes=52428800 batch_timeout=30000000000 aws_debug=false max_retries=3 max_backoff=30 part_size=5242880 local_profile=\"\" creds=nil"}
{"op": "clean", "in": "", "want": "."}
{"op": "clean", "in": "abc", "want": "abc"}
{"op": "clean", "in": "abc/def", "want": "abc/def"}
{"op": "clean", "in": "a/b/c", "want": "a/b/c"}
{"op": "clean", "in": ".", "want": "."}
{"op": "clean", "in": "..", "want": ".."}
{"op": "clean", "in": "../..", "want": "../.."}
{"op": "clean", "in": "../../abc", "want": "../../abc"}
{"op": "clean", "in": "/abc", "want": "/abc"}
{"op": "clean", "in": "/", "want": "/"}
{"op": "clean", "in": "abc/", "want": "abc"}
{"op": "clean", "in": "abc/def/", "want": "abc/def"}
{"op": "clean", "in": "a/b/c/", "want": "a/b/c"}
{"op": "clean", "in": "./", "want": "."}
{"op": "clean", "in": "../", "want": ".."}
{"op": "clean", "in": "../../", "want": "../.."}
{"op": "clean", "in": "/abc/", "want": "/abc"}
{"op": "clean", "in": "abc//def//ghi", "want": "abc/def/ghi"}
{"op": "clean", "in": "//abc", "want": "/abc"}
{"op": "clean", "in": "///abc", "want": "/abc"}
{"op": "clean", "in": "//abc//", "want": "/abc"}
{"op": "clean", "in": "abc//", "want": "abc"}
{"op": "clean", "in": "abc/./def", "want": "abc/def"}
{"op": "clean", "in": "/./abc/def", "want": "/abc/def"}
{"op": "clean", "in": "abc/.", "want": "abc"}
{"op": "clean", "in": "abc/def/ghi/../jkl", "want": "abc/def/jkl"}
{"op": "clean", "in": "abc/def/../ghi/../jkl", "want": "abc/jkl"}
{"op": "clean", "in": "abc/def/..", "want": "abc"}
{"op": "clean", "in": "abc/def/../..", "want": "."}
{"op": "clean", "in": "/abc/def/../..", "want": "/"}
{"op": "clean", "in": "abc/def/../../..", "want": ".."}
{"op": "clean", "in": "/abc/def/../../..", "want": "/"}
{"op": "clean", "in": "abc/def/../../../ghi/jkl/../../../mno", "want": "../../mno"}
{"op": "clean", "in": "/../abc", "want": "/abc"}
{"op": "clean", "in": "abc/./../def", "want": "def"}
{"op": "clean", "in": "abc//./../def", "want": "def"}
{"op": "clean", "in": "abc/../../././../def", "want": "../../def"}
{"op": "clean", "in": "...", "want": "..."}
{"op": "clean", "in": ".../..", "want": "."}
{"op": "clean", "in": "a/...", "want": "a/..."}
{"op": "clean", "in": "..a/b", "want": "..a/b"}
{"op": "clean", "in": "a/..b", "want": "a/..b"}
{"op": "clean", "in": "\u00e9/../x", "want": "x"}
{"op": "clean", "in": "a/b/../../../..", "want": "../.."}
{"op": "clean", "in": "/..", "want": "/"}
{"op": "clean", "in": "/../..", "want": "/"}
{"op": "clean", "in": "./a/./b/.", "want": "a/b"}
{"op": "clean", "in": ".", "want": "."}
{"op": "clean", "in": "b/", "want": "b"}
{"op": "clean", "in": "./a/./../b/", "want": "b"}
{"op": "clean", "in": "./.ab/", "want": ".ab"}
{"op": "clean", "in": ".../.b/..", "want": "..."}
{"op": "clean", "in": "../", "want": ".."}
{"op": "clean", "in": "/../a..", "want": "/a.."}
{"op": "clean", "in": "b/aab/..b/..//", "want": "b/aab"}
{"op": "clean", "in": "a./...b////...", "want": "a./...b/..."}
{"op": "clean", "in": "....", "want": "...."}
{"op": "clean", "in": "/../a.a.../..b/..", "want": "/a.a..."}
{"op": "clean", "in": "/.a./....b//.", "want": "/.a./....b"}
{"op": "clean", "in": ".b/", "want": ".b"}
{"op": "clean", "in": "/../..../.b/..", "want": "/...."}
{"op": "clean", "in": "", "want": "."}
{"op": "clean", "in": "//../.../.b//.", "want": "/.../.b"}
{"op": "clean", "in": "./b/a.../", "want": "b/a..."}
{"op": "clean", "in": "/./.../.b//./", "want": "/.../.b"}
{"op": "clean", "in": "...../", "want": "....."}
{"op": "clean", "in": "b/a.//", "want": "b/a."}
{"op": "clean", "in": "aa./a.//", "want": "aa./a."}
{"op": "clean", "in": "b/a.ab/a/a", "want": "b/a.ab/a/a"}
{"op": "clean", "in": "", "want": "."}
{"op": "clean", "in": "/.", "want": "/"}
{"op": "clean", "in": "../../.a/../.......", "want": "../../......."}
{"op": "clean", "in": "a..b/a..a...../", "want": "a..b/a..a....."}
{"op": "clean", "in": "././a././b//..a.", "want": "a./b/..a."}
{"op": "clean", "in": "b/.../.", "want": "b/..."}
{"op": "clean", "in": "b/", "want": "b"}
{"op": "clean", "in": ".../", "want": "..."}
{"op": "clean", "in": "", "want": "."}
{"op": "clean", "in": ".", "want": "."}
{"op": "clean", "in": "b/./....", "want": "b/...."}
{"op": "clean", "in": "./b/..", "want": "."}
{"op": "clean", "in": "", "want": "."}
{"op": "clean", "in": "./", "want": "."}
{"op": "clean", "in": "./a/.../...a", "want": "a/.../...a"}
{"op": "clean", "in": "..b/aa", "want": "..b/aa"}
{"op": "clean", "in": "/b/aa/.aa...", "want": "/b/aa/.aa..."}
{"op": "clean", "in": "/ab/b///././.", "want": "/ab/b"}
{"op": "clean", "in": "/....aa./", "want": "/....aa."}
{"op": "clean", "in": "../", "want": ".."}
{"op": "clean", "in": "..", "want": ".."}
{"op": "clean", "in": "/../b/", "want": "/b"}
{"op": "clean", "in": "/.a./..////./", "want": "/"}
{"op": "clean", "in": "..b/", "want": "..b"}
{"op": "clean", "in": "/.././///./.", "want": "/"}
{"op": "clean", "in": "b/../.../b/b/", "want": ".../b/b"}
{"op": "clean", "in": "./..././/..b/./..b//./", "want": ".../..b/..b"}
{"op": "clean", "in": "....b/b/a", "want": "....b/b/a"}
{"op": "clean", "in": "//", "want": "/"}
{"op": "clean", "in": "b//.b/ab//....", "want": "b/.b/ab/...."}
{"op": "clean", "in": ".//././.", "want": "."}
{"op": "clean", "in": "...././a./b/..", "want": "..../a."}
{"op": "clean", "in": "b/../.b/a", "want": ".b/a"}
{"op": "clean", "in": ".b//.ab/..b/././b/", "want": ".b/.ab/..b/b"}
{"op": "clean", "in": "..//.b/", "want": "../.b"}
{"op": "clean", "in": "", "want": "."}
{"op": "clean", "in": "b/b/b/a.a/././..../.", "want": "b/b/b/a.a/...."}
{"op": "clean", "in": "b/./.", "want": "b"}
{"op": "clean", "in": "", "want": "."}
{"op": "clean", "in": "/...b/./", "want": "/...b"}
{"op": "clean", "in": "/./....b//.././b/", "want": "/b"}
{"op": "clean", "in": "a../b/./a/a", "want": "a../b/a/a"}
{"op": "clean", "in": "/./.../.b/.././.a", "want": "/.../.a"}
{"op": "clean", "in": "aa/.../", "want": "aa/..."}
{"op": "clean", "in": "./a", "want": "a"}
{"op": "clean", "in": "", "want": "."}
{"op": "clean", "in": "...//./...", "want": ".../..."}
{"op": "clean", "in": "...../.", "want": "....."}
{"op": "clean", "in": "./././b//", "want": "b"}
{"op": "clean", "in": "b/..", "want": "."}
{"op": "clean", "in": "../ab/..b/.", "want": "../ab/..b"}
{"op": "clean", "in": "..", "want": ".."}
{"op": "clean", "in": ".//../", "want": ".."}
{"op": "clean", "in": "...ab/..//.", "want": "."}
{"op": "clean", "in": "./......b///././", "want": "......b"}
{"op": "clean", "in": "////..//.", "want": "/"}
{"op": "clean", "in": ".b/", "want": ".b"}
{"op": "clean", "in": "./", "want": "."}
{"op": "clean", "in": "/./.aa.", "want": "/.aa."}
{"op": "clean", "in": "b/../b/.....b/", "want": "b/.....b"}
{"op": "clean", "in": "a/b/a/./.", "want": "a/b/a"}
{"op": "clean", "in": "b/a", "want": "b/a"}
{"op": "clean", "in": "...a/...//.", "want": "...a/..."}
{"op": "clean", "in": "/...../.", "want": "/....."}
{"op": "clean", "in": "./../b/b//../b/", "want": "../b/b"}
{"op": "clean", "in": "//..aa././.", "want": "/..aa."}
{"op": "clean", "in": "//...//.../b/", "want": "/.../.../b"}
{"op": "clean", "in": "./.ab/a", "want": ".ab/a"}
{"op": "clean", "in": "", "want": "."}
{"op": "clean", "in": "./a..././a", "want": "a.../a"}
{"op": "clean", "in": ".././b/a.b/./a.//b/", "want": "../b/a.b/a./b"}
{"op": "clean", "in": "b/...b/", "want": "b/...b"}
{"op": "clean", "in": "././/..././.ab//a/", "want": ".../.ab/a"}
{"op": "clean", "in": ".b/.", "want": ".b"}
{"op": "clean", "in": "aaa/", "want": "aaa"}
{"op": "clean", "in": "//.././.b/.b/.b/", "want": "/.b/.b/.b"}
{"op": "clean", "in": "", "want": "."}
{"op": "clean", "in": "", "want": "."}
{"op": "clean", "in": "", "want": "."}
{"op": "clean", "in": "./b/.a./", "want": "b/.a."}
{"op": "clean", "in": "//./../b/./ab/../b/b/", "want": "/b/b/b"}
{"op": "clean", "in": "./ab////./.b/b/.", "want": "ab/.b/b"}
{"op": "clean", "in": "b/.......a/.", "want": "b/.......a"}
{"op": "clean", "in": "/b//.", "want": "/b"}
{"op": "clean", "in": "./../a.b/....aab/", "want": "../a.b/....aab"}
{"op": "clean", "in": "..././", "want": "..."}
{"op": "clean", "in": "//.....b/", "want": "/.....b"}
{"op": "clean", "in": "b/", "want": "b"}
{"op": "clean", "in": "", "want": "."}
{"op": "clean", "in": "a./a./.a.//././b/", "want": "a./a./.a./b"}
{"op": "clean", "in": "....a.", "want": "....a."}
{"op": "clean", "in": ".././/././.", "want": ".."}
{"op": "clean", "in": "../.a//.", "want": "../.a"}
{"op": "clean", "in": "../.../.a..", "want": "../.../.a.."}
{"op": "clean", "in": "/.b/...a./.../....", "want": "/.b/...a./.../...."}
{"op": "clean", "in": "b/", "want": "b"}
{"op": "clean", "in": "b/../", "want": "."}
{"op": "clean", "in": "./......b//...a.../.", "want": "......b/...a..."}
{"op": "float", "in": "0", "want": "0"}
{"op": "float", "in": "-0", "want": "-0"}
{"op": "float", "in": "1", "want": "1"}
{"op": "float", "in": "1.5", "want": "1.5"}
{"op": "float", "in": "134217728", "want": "134217728"}
{"op": "float", "in": "1e20", "want": "100000000000000000000"}
{"op": "float", "in": "1e21", "want": "1e+21"}
{"op": "float", "in": "9.999999999999999e20", "want": "999999999999999900000"}
{"op": "float", "in": "1e-6", "want": "0.000001"}
{"op": "float", "in": "1e-7", "want": "1e-7"}
{"op": "float", "in": "0.000001", "want": "0.000001"}
{"op": "float", "in": "0.0000001", "want": "1e-7"}
{"op": "float", "in": "123456789012345678901234", "want": "1.2345678901234569e+23"}
{"op": "float", "in": "12345678901234567890", "want": "12345678901234567000"}
{"op": "float", "in": "1.7976931348623157e308", "want": "1.7976931348623157e+308"}
{"op": "float", "in": "5e-324", "want": "5e-324"}
{"op": "float", "in": "2.2250738585072014e-308", "want": "2.2250738585072014e-308"}
{"op": "float", "in": "0.1", "want": "0.1"}
{"op": "float", "in": "100", "want": "100"}
{"op": "float", "in": "1e100", "want": "1e+100"}
{"op": "float", "in": "-1e-100", "want": "-1e-100"}
{"op": "float", "in": "3.14159", "want": "3.14159"}
{"op": "float", "in": "1e400", "want": "ERR"}
{"op": "float", "in": "-1e400", "want": "ERR"}
{"op": "float", "in": "9007199254740993", "want": "9007199254740992"}
{"op": "float", "in": "1e-10", "want": "1e-10"}
{"op": "float", "in": "123e-20", "want": "1.23e-18"}
{"op": "float", "in": "4.35e-7", "want": "4.35e-7"}
{"op": "float", "in": "1435.1791119728907", "want": "1435.1791119728907"}
{"op": "float", "in": "-4.627433495024361e+24", "want": "-4.627433495024361e+24"}
{"op": "float", "in": "741.8", "want": "741.8"}
{"op": "float", "in": "-4376506903061.541", "want": "-4376506903061.541"}
{"op": "float", "in": "8.465780802337036e+23", "want": "8.465780802337036e+23"}
{"op": "float", "in": "739.776", "want": "739.776"}
{"op": "float", "in": "9.719311380753572e+24", "want": "9.719311380753572e+24"}
{"op": "float", "in": "-9.352870349738564e+24", "want": "-9.352870349738564e+24"}
{"op": "float", "in": "941.504", "want": "941.504"}
{"op": "float", "in": "4.667206104256683e-27", "want": "4.667206104256683e-27"}
{"op": "float", "in": "-4.050822327880392e+17", "want": "-405082232788039200"}
{"op": "float", "in": "-9.208237397621725e+18", "want": "-9208237397621725000"}
{"op": "float", "in": "7.916296824370338e+24", "want": "7.916296824370338e+24"}
{"op": "float", "in": "-72072019741199.97", "want": "-72072019741199.97"}
{"op": "float", "in": "1.9005951891905697e+18", "want": "1900595189190569700"}
{"op": "float", "in": "668.647", "want": "668.647"}
{"op": "float", "in": "-1.932197202382393e+24", "want": "-1.932197202382393e+24"}
{"op": "float", "in": "1.5546601625570327e+24", "want": "1.5546601625570327e+24"}
{"op": "float", "in": "4.968973650103428e+24", "want": "4.968973650103428e+24"}
{"op": "float", "in": "6.08826127422839e+24", "want": "6.08826127422839e+24"}
{"op": "float", "in": "-1.0613085128167217e+18", "want": "-1061308512816721700"}
{"op": "float", "in": "-5.721603584130344e+24", "want": "-5.721603584130344e+24"}
{"op": "float", "in": "354.306", "want": "354.306"}
{"op": "float", "in": "3.1368468091906233e+23", "want": "3.1368468091906233e+23"}
{"op": "float", "in": "379.057", "want": "379.057"}
{"op": "float", "in": "4626.072028371657", "want": "4626.072028371657"}
{"op": "float", "in": "6.507707671990438e+18", "want": "6507707671990438000"}
{"op": "float", "in": "3.3894998852918937e+24", "want": "3.3894998852918937e+24"}
{"op": "float", "in": "824038611.0856243", "want": "824038611.0856243"}
{"op": "float", "in": "-5.621353884611362e-06", "want": "-0.000005621353884611362"}
{"op": "float", "in": "3.281497252208234e+18", "want": "3281497252208234000"}
{"op": "float", "in": "100.588", "want": "100.588"}
{"op": "float", "in": "177.747", "want": "177.747"}
{"op": "float", "in": "7.469727466600092e-16", "want": "7.469727466600092e-16"}
{"op": "float", "in": "-8.374257869041676e+18", "want": "-8374257869041676000"}
{"op": "float", "in": "-1.520070249709731e+24", "want": "-1.520070249709731e+24"}
{"op": "float", "in": "-2.0634089129733573e+18", "want": "-2063408912973357300"}
{"op": "float", "in": "-8.11745480687439e+18", "want": "-8117454806874390000"}
{"op": "float", "in": "7.446655651666674e+24", "want": "7.446655651666674e+24"}
{"op": "float", "in": "-2.4692328478998676e+24", "want": "-2.4692328478998676e+24"}
{"op": "float", "in": "610.171", "want": "610.171"}
{"op": "float", "in": "872.607", "want": "872.607"}
{"op": "float", "in": "-7.058147580171076e+18", "want": "-7058147580171076000"}
{"op": "float", "in": "-6.721054766360989e-20", "want": "-6.721054766360989e-20"}
{"op": "float", "in": "407.501", "want": "407.501"}
{"op": "float", "in": "-3.3257142239323197e+24", "want": "-3.3257142239323197e+24"}
{"op": "float", "in": "845902690732.9321", "want": "845902690732.9321"}
{"op": "float", "in": "-7.178070019751236e+18", "want": "-7178070019751236000"}
{"op": "float", "in": "1.2500154323325383e+23", "want": "1.2500154323325383e+23"}
{"op": "float", "in": "5.717082312852222e+24", "want": "5.717082312852222e+24"}
{"op": "float", "in": "515.602", "want": "515.602"}
{"op": "float", "in": "73694294951.71245", "want": "73694294951.71245"}
{"op": "float", "in": "41.451", "want": "41.451"}
{"op": "float", "in": "-1.3660372495860652e+18", "want": "-1366037249586065200"}
{"op": "float", "in": "-6.719077969713847e+24", "want": "-6.719077969713847e+24"}
{"op": "float", "in": "530.255", "want": "530.255"}
{"op": "float", "in": "-1.284778322498933e+18", "want": "-1284778322498933000"}
{"op": "float", "in": "6.752908247241382e+18", "want": "6752908247241382000"}
{"op": "float", "in": "7.166088690215124e+23", "want": "7.166088690215124e+23"}
{"op": "float", "in": "4.0798839588310925e+24", "want": "4.0798839588310925e+24"}
{"op": "float", "in": "-1.906836189223087e+18", "want": "-1906836189223087000"}
{"op": "float", "in": "95.902", "want": "95.902"}
{"op": "float", "in": "-2.2896184313004777e+24", "want": "-2.2896184313004777e+24"}
{"op": "float", "in": "-3.4220513939599826e+18", "want": "-3422051393959982600"}
{"op": "float", "in": "5.385591739560845e+24", "want": "5.385591739560845e+24"}
{"op": "float", "in": "3.7465450280470535e+24", "want": "3.7465450280470535e+24"}
{"op": "float", "in": "-5.663739387061172e+18", "want": "-5663739387061172000"}
{"op": "float", "in": "1.5377581552660646e+23", "want": "1.5377581552660646e+23"}
{"op": "float", "in": "5.596194095348398e+18", "want": "5596194095348398000"}
{"op": "float", "in": "-7.291158735312438e+24", "want": "-7.291158735312438e+24"}
{"op": "float", "in": "-5.04898223871341e+18", "want": "-5048982238713410000"}
{"op": "float", "in": "9.984012030940386e+22", "want": "9.984012030940386e+22"}
{"op": "float", "in": "-6907712260191532.0", "want": "-6907712260191532"}
{"op": "float", "in": "562.866", "want": "562.866"}
{"op": "float", "in": "9.601316947304727e-08", "want": "9.601316947304727e-8"}
{"op": "float", "in": "3.51065847790899e+18", "want": "3510658477908990000"}
{"op": "float", "in": "539.839", "want": "539.839"}
{"op": "float", "in": "47.957", "want": "47.957"}
{"op": "float", "in": "-8.883258450051011e-16", "want": "-8.883258450051011e-16"}
{"op": "float", "in": "2.247647351961285e+18", "want": "2247647351961285000"}
{"op": "float", "in": "4.5591281962333005e+23", "want": "4.5591281962333005e+23"}
{"op": "float", "in": "-9.602665760707502e-30", "want": "-9.602665760707502e-30"}
{"op": "float", "in": "6.020613488199653e+18", "want": "6020613488199653000"}
{"op": "float", "in": "8.635747878334044e-16", "want": "8.635747878334044e-16"}
{"op": "float", "in": "-3.596783135523028e+23", "want": "-3.596783135523028e+23"}
{"op": "float", "in": "-1.991436046474495e-21", "want": "-1.991436046474495e-21"}
{"op": "float", "in": "-3.2672778571868365e+22", "want": "-3.2672778571868365e+22"}
{"op": "float", "in": "413.193", "want": "413.193"}
{"op": "float", "in": "9.026841596202401e+24", "want": "9.026841596202401e+24"}
{"op": "float", "in": "766.899", "want": "766.899"}
{"op": "float", "in": "21.966", "want": "21.966"}
{"op": "float", "in": "621.81", "want": "621.81"}
{"op": "float", "in": "1.7841068998826722e+24", "want": "1.7841068998826722e+24"}
{"op": "float", "in": "53.027", "want": "53.027"}
{"op": "float", "in": "-6.216596130642905e+24", "want": "-6.216596130642905e+24"}
{"op": "float", "in": "817.427", "want": "817.427"}
{"op": "float", "in": "2.2698565387526128e+24", "want": "2.2698565387526128e+24"}
{"op": "float", "in": "-23.112132389628837", "want": "-23.112132389628837"}
{"op": "float", "in": "-3.2996273449734554e+18", "want": "-3299627344973455400"}
{"op": "float", "in": "451.47", "want": "451.47"}
{"op": "float", "in": "387.759", "want": "387.759"}
{"op": "float", "in": "-9.201993859714242e+18", "want": "-9201993859714242000"}
{"op": "float", "in": "1.7270862847469598e+23", "want": "1.7270862847469598e+23"}
{"op": "float", "in": "7.177665200108602e-24", "want": "7.177665200108602e-24"}
{"op": "float", "in": "-9.444422465281398e+24", "want": "-9.444422465281398e+24"}
{"op": "float", "in": "2.8439587101764426e+23", "want": "2.8439587101764426e+23"}
{"op": "float", "in": "6.004554196987741e+24", "want": "6.004554196987741e+24"}
{"op": "float", "in": "4.986177341335145e-20", "want": "4.986177341335145e-20"}
{"op": "float", "in": "3.0213889651591895e+18", "want": "3021388965159189500"}
{"op": "float", "in": "4.976596453747218e+27", "want": "4.976596453747218e+27"}
{"op": "float", "in": "4.1633076650588196e+18", "want": "4163307665058819600"}
{"op": "float", "in": "1.041611501576245e+18", "want": "1041611501576245000"}
{"op": "float", "in": "-8.904903712551795e+24", "want": "-8.904903712551795e+24"}
{"op": "float", "in": "2.4731934576075023e+18", "want": "2473193457607502300"}
{"op": "float", "in": "379.744", "want": "379.744"}
{"op": "float", "in": "-6.725242035051856e+18", "want": "-6725242035051856000"}
{"op": "float", "in": "451.561", "want": "451.561"}
{"op": "float", "in": "3.8606871235086034e+18", "want": "3860687123508603400"}
{"op": "float", "in": "-3.8306296723845005e+23", "want": "-3.8306296723845005e+23"}
{"op": "float", "in": "129.872", "want": "129.872"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "parquet", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "202402291234"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "test/test/\u00e9-\u00e8/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "test/test/test-table/FAKE-UUID"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "parquet", "comp": "", "table": "/abs", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "a/FAKE-UUID"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "csv", "comp": "gzip", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "sync-1/t_1970/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "csv", "comp": "gzip", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "test/test/t_1969/FAKE-UUID.csv.gz"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "test/test/\u00e9_\u00e8/year=1999/month=12/day=31/hour=23/minute=59/FAKE-UUID.json"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "csv", "comp": "gzip", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "999912312359"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "test/test/test-table/year=0001/month=01/day=01/hour=00/minute=00/FAKE-UUID.json"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "csv", "comp": "gzip", "table": "..", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "../FAKE-UUID"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "csv", "comp": "gzip", "table": "a/b", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "x/a/b.json.FAKE-UUID"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "json", "comp": "", "table": "..", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "197001010000"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "json", "comp": "", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "test/test/{{UUID}}/FAKE-UUID.json"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "parquet", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "a/FAKE-UUID"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "json", "comp": "", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "t_1970t_1970jsonjson"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "test/test/t-{{YEAR}}/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "test/test/t_1999/year=1999/month=12/day=31/hour=23/minute=59/FAKE-UUID.json"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "csv", "comp": "gzip", "table": "test-table", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "x/test-table.json.FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "json", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/test/\u00e9_\u00e8/year=2000/month=02/day=29/hour=00/minute=00/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "test/test/FAKE-UUID.json"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "csv", "comp": "gzip", "table": "test_table", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "test_tabletest_tablecsv.gzcsv.gz"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "test-table", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "test/test/test-table/FAKE-UUID.json"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "json", "comp": "", "table": "", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "/abs", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "test/test/abs/year=9999/month=12/day=31/hour=23/minute=59/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "json", "comp": "", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "test/test/FAKE-UUID/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "parquet", "comp": "", "table": "..", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "test/FAKE-UUID.parquet"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "parquet", "comp": "", "table": "a/b", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "197001010000"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "parquet", "comp": "", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "a/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "test/test/t_0001/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "test/test/test-table/FAKE-UUID.json"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "json", "comp": "", "table": "test_table", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "sync-1/test_table/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/test/test-table/year=2000/month=02/day=29/hour=00/minute=00/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "json", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "test/test/test-table/FAKE-UUID.json"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "parquet", "comp": "", "table": "..", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "x/...json.FAKE-UUID"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "csv", "comp": "gzip", "table": "/abs", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "x/abs.json.FAKE-UUID"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "sync-1/test-table/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/test/FAKE-UUID.json"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "csv", "comp": "gzip", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "\u00e9_\u00e8\u00e9_\u00e8csv.gzcsv.gz"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "json", "comp": "", "table": "test_table", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "test_tabletest_tablejsonjson"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "parquet", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "197001010000"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "json", "comp": "", "table": "a/b", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "000101010000"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "/abs", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "sync-1/abs/FAKE-UUID"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "json", "comp": "", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "x/FAKE-UUID.json.FAKE-UUID"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "parquet", "comp": "", "table": "", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "a/b", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "test/test/a/b/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "csv", "comp": "gzip", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "test/test/FAKE-UUID/FAKE-UUID"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "csv", "comp": "gzip", "table": "test_table", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "sync-1/test_table/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "json", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "test/test/\u00e9_\u00e8/FAKE-UUID"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "test_table", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "sync-1/test_table/FAKE-UUID"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "csv", "comp": "gzip", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "a/FAKE-UUID"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "sync-1/\u00e9_\u00e8/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "json", "comp": "", "table": "a/b", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "test/test/a/b/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "json", "comp": "", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/test/FAKE-UUID/FAKE-UUID.json"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "json", "comp": "", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "t_9999t_9999jsonjson"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "csv", "comp": "gzip", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "x/FAKE-UUID.json.FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "test/test/FAKE-UUID/year=1970/month=01/day=01/hour=00/minute=00/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "json", "comp": "", "table": "..", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "test/FAKE-UUID"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "csv", "comp": "gzip", "table": "", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "sync-1/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "..", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "json", "comp": "", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "test/test/t_1970/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "json", "comp": "", "table": "/abs", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "test/test/abs/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "parquet", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "test/test/test-table/FAKE-UUID.parquet"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "json", "comp": "", "table": "..", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "x/...json.FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "csv", "comp": "gzip", "table": "", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "test/test/FAKE-UUID.csv.gz"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "parquet", "comp": "", "table": "/abs", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "a/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.json", "format": "json", "comp": "", "table": "..", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "test/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "test/test/t_9999/year=9999/month=12/day=31/hour=23/minute=59/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "json", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "test/test/\u00e9_\u00e8/year=2021/month=03/day=05/hour=04/minute=01/FAKE-UUID.json"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "json", "comp": "", "table": "", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "196912312359"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "test/test/\u00e9-\u00e8/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "a/b", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "test/test/a/b/year=9999/month=12/day=31/hour=23/minute=59/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/test/test-table/FAKE-UUID"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "csv", "comp": "gzip", "table": "/abs", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "x/abs.json.FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "json", "comp": "", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/test/t_2000/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "a/b", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "test/test/a/b/year=1999/month=12/day=31/hour=23/minute=59/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "test_table", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "test/test/test-table/FAKE-UUID.json"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "csv", "comp": "gzip", "table": "test-table", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "sync-1/test-table/FAKE-UUID"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "json", "comp": "", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "a/FAKE-UUID"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "parquet", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "999912312359"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "csv", "comp": "gzip", "table": "..", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "197001010000"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "json", "comp": "", "table": "", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/test/year=2000/month=02/day=29/hour=00/minute=00/FAKE-UUID.json"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "json", "comp": "", "table": "..", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "....jsonjson"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "json", "comp": "", "table": "test_table", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "test/test/test-table/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "test/test/FAKE-UUID/FAKE-UUID.json"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "json", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "\u00e9_\u00e8\u00e9_\u00e8jsonjson"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "json", "comp": "", "table": "a/b", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "a/ba/bjsonjson"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "json", "comp": "", "table": "..", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/FAKE-UUID.json"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "csv", "comp": "gzip", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "x/FAKE-UUID.json.FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "test/test/t_0001/year=0001/month=01/day=01/hour=00/minute=00/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "json", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "test/test/test-table/FAKE-UUID"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "json", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "test-tabletest-tablejsonjson"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "parquet", "comp": "", "table": "..", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "196912312359"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "csv", "comp": "gzip", "table": "..", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "../FAKE-UUID"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "json", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "x/\u00e9_\u00e8.json.FAKE-UUID"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "parquet", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "a/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "test/test/\u00e9_\u00e8/year=2024/month=02/day=29/hour=12/minute=34/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "test/test/\u00e9_\u00e8/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "json", "comp": "", "table": "a/b", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "test/test/a/b/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "test/test/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "test/test/{{UUID}}/FAKE-UUID.json"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "csv", "comp": "gzip", "table": "a/b", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "a/ba/bcsv.gzcsv.gz"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "test/test/FAKE-UUID/FAKE-UUID.json"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "sync-1/\u00e9_\u00e8/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "/abs", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "test/test/abs/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "test_table", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "test/test/test_table/FAKE-UUID"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "csv", "comp": "gzip", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "a/FAKE-UUID"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "json", "comp": "", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "999912312359"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.json", "format": "json", "comp": "", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "test/test/FAKE-UUID/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "csv", "comp": "gzip", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "test/test/t_2021/FAKE-UUID"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "json", "comp": "", "table": "a/b", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "x/a/b.json.FAKE-UUID"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "csv", "comp": "gzip", "table": "..", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "../FAKE-UUID"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "parquet", "comp": "", "table": "/abs", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "/abs/absparquetparquet"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "json", "comp": "", "table": "test_table", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "200002290000"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "..", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "json", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "test/test/test-table/FAKE-UUID.json"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "json", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "x/test-table.json.FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "test/test/FAKE-UUID/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "test_table", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/test/test_table/year=2000/month=02/day=29/hour=00/minute=00/FAKE-UUID.json"}
{"op": "render", "in": "a/{{TABLE}}/../{{UUID}}", "format": "json", "comp": "", "table": "a/b", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "a/a/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "parquet", "comp": "", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "test/test/FAKE-UUID/FAKE-UUID.parquet"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "json", "comp": "", "table": "/abs", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "x/abs.json.FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "csv", "comp": "gzip", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "test/test/\u00e9_\u00e8/FAKE-UUID.csv.gz"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "json", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "999912312359"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "csv", "comp": "gzip", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "196912312359"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "json", "comp": "", "table": "a/b", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "x/a/b.json.FAKE-UUID"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "json", "comp": "", "table": "a/b", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "197001010000"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "test/test/FAKE-UUID/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "test/test/test-table/FAKE-UUID.json"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "parquet", "comp": "", "table": "test_table", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "x/test_table.json.FAKE-UUID"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "parquet", "comp": "", "table": "/abs", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "199912312359"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "csv", "comp": "gzip", "table": "..", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "json", "comp": "", "table": "test-table", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "test/test/test-table/year=1970/month=01/day=01/hour=00/minute=00/FAKE-UUID.json"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "json", "comp": "", "table": "/abs", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "199912312359"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "parquet", "comp": "", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "196912312359"}
{"op": "render", "in": "test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "test/test/\u00e9-\u00e8/FAKE-UUID.json"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "json", "comp": "", "table": "/abs", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "sync-1/abs/FAKE-UUID"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "json", "comp": "", "table": "test_table", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "test_tabletest_tablejsonjson"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "/abs", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/test/abs/year=2000/month=02/day=29/hour=00/minute=00/FAKE-UUID.json"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "sync-1/t_2024/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "json", "comp": "", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": -1, "inv": "sync-1", "want": "test/test/t_1969/FAKE-UUID.json"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "csv", "comp": "gzip", "table": "/abs", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "999912312359"}
{"op": "render", "in": "{{SYNC_ID}}/{{TABLE}}/{{UUID}}", "format": "csv", "comp": "gzip", "table": "test-table", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "sync-1/test-table/FAKE-UUID"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "parquet", "comp": "", "table": "a/b", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "000101010000"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "json", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "test/test/\u00e9_\u00e8/year=2024/month=02/day=29/hour=12/minute=34/FAKE-UUID.json"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "json", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "\u00e9_\u00e8\u00e9_\u00e8jsonjson"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "csv", "comp": "gzip", "table": "test-table", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/test/test-table/FAKE-UUID.csv.gz"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "parquet", "comp": "", "table": "..", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "199912312359"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/test/FAKE-UUID"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "csv", "comp": "gzip", "table": "test-table", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "test-tabletest-tablecsv.gzcsv.gz"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "parquet", "comp": "", "table": "..", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "test/FAKE-UUID"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}", "format": "csv", "comp": "gzip", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 951782400, "inv": "sync-1", "want": "test/test/\u00e9_\u00e8/FAKE-UUID"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "json", "comp": "", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": 0, "inv": "sync-1", "want": "197001010000"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "csv", "comp": "gzip", "table": "{{UUID}}", "uuid": "FAKE-UUID", "unix": 1614916862, "inv": "sync-1", "want": "FAKE-UUIDFAKE-UUIDcsv.gzcsv.gz"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format": "parquet", "comp": "", "table": "test_table", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "test/test/test_table/FAKE-UUID.parquet"}
{"op": "render", "in": "{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", "format": "parquet", "comp": "", "table": "test_table", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "999912312359"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.json", "format": "parquet", "comp": "", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "test/test/t_1999/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json", "format": "csv", "comp": "gzip", "table": "test-table", "uuid": "FAKE-UUID", "unix": 253402300799, "inv": "sync-1", "want": "test/test/test-table/year=9999/month=12/day=31/hour=23/minute=59/FAKE-UUID.json"}
{"op": "render", "in": "test/test/{{TABLE}}/{{UUID}}.json", "format": "json", "comp": "", "table": "test_table", "uuid": "FAKE-UUID", "unix": 946684799, "inv": "sync-1", "want": "test/test/test_table/FAKE-UUID.json"}
{"op": "render", "in": "x/{{TABLE}}.json.{{UUID}}", "format": "json", "comp": "", "table": "t_{{YEAR}}", "uuid": "FAKE-UUID", "unix": 1709210096, "inv": "sync-1", "want": "x/t_2024.json.FAKE-UUID"}
{"op": "render", "in": "{{TABLE}}{{TABLE}}{{FORMAT}}{{FORMAT}}", "format": "csv", "comp": "gzip", "table": "\u00e9_\u00e8", "uuid": "FAKE-UUID", "unix": -62135596800, "inv": "sync-1", "want": "\u00e9_\u00e8\u00e9_\u00e8csv.gzcsv.gz"}
"""#
