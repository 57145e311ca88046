package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.security.GroupDirectory;
import com.wuaigou.ops.personnel.domain.Staff;
import com.wuaigou.ops.personnel.domain.StaffGroup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Who manages and who belongs to which group, from personnel's own roster (the other services keep a replica). */
@ApplicationScoped
public class PersonnelGroups implements GroupDirectory {

    @Override
    public Optional<Long> managerOf(String groupCode) {
        return StaffGroup.<StaffGroup>findByIdOptional(groupCode).map(g -> g.managerId);
    }

    @Override
    public Set<String> groupsManagedBy(long staffId) {
        return StaffGroup.<StaffGroup>list("managerId", staffId).stream().map(g -> g.code).collect(Collectors.toSet());
    }

    @Override
    public Optional<String> groupOf(long staffId) {
        return Staff.<Staff>findByIdOptional(staffId).map(s -> s.groupCode);
    }
}
