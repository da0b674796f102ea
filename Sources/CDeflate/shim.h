// libdeflate: CRC-32 with carry-less multiplication (PCLMULQDQ) where the CPU has it (Debian: libdeflate-dev).
#include <libdeflate.h>
