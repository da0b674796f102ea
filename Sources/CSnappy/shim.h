// libsnappy's C API: Parquet's default column-chunk codec (Debian: libsnappy-dev).
#include <snappy-c.h>
