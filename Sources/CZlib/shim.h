// zlib: gzip streams and CRC32 (Debian: zlib1g-dev).
#include <zlib.h>
