// libzstd: zstd streams for CSV/JSON objects and Parquet column chunks (Debian: libzstd-dev).
#include <zstd.h>
