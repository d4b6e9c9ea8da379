#include "bytes/payload.h"
