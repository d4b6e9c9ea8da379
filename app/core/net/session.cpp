#include "net/session.h"
