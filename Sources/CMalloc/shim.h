// glibc's allocator tuning (mallopt): see cq-dest-s3/AllocatorTuning.swift.
#include <malloc.h>
