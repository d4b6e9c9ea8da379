#include "bytes/hex.h"
