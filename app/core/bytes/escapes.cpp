#include "bytes/escapes.h"
