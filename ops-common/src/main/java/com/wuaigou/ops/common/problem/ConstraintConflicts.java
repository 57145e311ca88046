package com.wuaigou.ops.common.problem;

import java.util.List;

/** A service's named constraints; implemented by one bean per service, read by {@link DatabaseConflicts}. */
public interface ConstraintConflicts {

    List<ConstraintConflict> all();
}
