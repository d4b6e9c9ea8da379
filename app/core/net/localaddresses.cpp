#include "net/localaddresses.h"
