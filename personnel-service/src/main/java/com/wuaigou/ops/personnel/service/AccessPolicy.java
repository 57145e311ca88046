package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.security.Caller;
import com.wuaigou.ops.common.security.GroupAccess;
import com.wuaigou.ops.common.security.GroupDirectory;
import com.wuaigou.ops.personnel.domain.Staff;
import jakarta.inject.Singleton;

/** personnel-service's rule over the common one: contact details stay private. */
@Singleton
public class AccessPolicy extends GroupAccess {

    AccessPolicy(Caller caller, GroupDirectory groups) {
        super(caller, groups);
    }

    /** The person themself, the manager of their group, directors and admins; never bi alone. */
    public boolean maySeeContact(Staff staff) {
        if (isDepartmentWide()) {
            return true;
        }
        if (isReadOnly()) {
            return false;
        }
        return isCaller(staff.id) || manages(staff.groupCode);
    }
}
