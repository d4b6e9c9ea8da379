#include "bytes/checksum.h"
