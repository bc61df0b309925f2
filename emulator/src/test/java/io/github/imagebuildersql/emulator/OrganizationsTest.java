package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

class OrganizationsTest {

    @Test
    void listAccountsPagesThroughEveryAccountWithItsStatus() throws Exception {
        try (Emulator emulator = Emulator.start(Fixture.sampleEstate());
                OrganizationsClient org = Sdk.of(emulator).organizations()) {
            var pages = org.listAccountsPaginator(r -> r.maxResults(3)).stream().toList();
            List<Account> accounts = pages.stream().flatMap(p -> p.accounts().stream()).toList();

            assertEquals(2, pages.size());
            assertEquals(List.of("111111111111", "222222222222", "333333333333", "444444444444"),
                    accounts.stream().map(Account::id).toList());
            assertEquals(AccountStatus.SUSPENDED, accounts.get(3).status());
            assertEquals("payments-prod", accounts.get(1).name());
            assertEquals(2, emulator.stats().total("ListAccounts"));
        }
    }

    @Test
    void anEmptyOrganizationListsNoAccountAtAll() throws Exception {
        String fixture = """
                {"credentials": {"accessKeyId": "AKIATEST", "secretAccessKey": "s3cr3t", "account": "123456789012"},
                 "emptyOrganization": true, "accounts": {"123456789012": {}, "210987654321": {}}}""";
        try (Emulator emulator = Emulator.start(Fixture.parse(new java.io.ByteArrayInputStream(
                        fixture.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "test"));
                OrganizationsClient org = Sdk.of(emulator, "AKIATEST", "s3cr3t").organizations()) {
            var page = org.listAccounts(r -> { });
            assertEquals(List.of(), page.accounts());
            assertEquals(null, page.nextToken());
        }
    }

    @Test
    void largeOrganisationsPageByTwenty() throws Exception {
        try (Emulator emulator = Emulator.start(EstateGenerator.generate("accounts=45,regions=1,pipelines=0,workflows=0"));
                OrganizationsClient org = Sdk.of(emulator).organizations()) {
            assertEquals(45, org.listAccountsPaginator(r -> { }).stream().mapToLong(p -> p.accounts().size()).sum());
            assertEquals(3, emulator.stats().total("ListAccounts"));
        }
    }

    @Test
    void describeOrganizationNamesTheManagementAccount() throws Exception {
        try (Emulator emulator = Emulator.start(Fixture.sampleEstate());
                OrganizationsClient org = Sdk.of(emulator).organizations()) {
            assertEquals("111111111111", org.describeOrganization().organization().masterAccountId());
        }
    }

    @Test
    void memberAccountsMayNotListTheOrganisation() throws Exception {
        try (Emulator emulator = Emulator.start(Fixture.sampleEstate()); StsClient sts = Sdk.of(emulator).sts()) {
            Credentials member = sts.assumeRole(r -> r.roleArn("arn:aws:iam::222222222222:role/ImageBuilderInventoryRole")
                    .roleSessionName("s1")).credentials();
            try (OrganizationsClient org = Sdk.of(emulator, member).organizations()) {
                assertThrows(AccessDeniedException.class, () -> org.listAccounts(r -> { }));
            }
        }
    }
}
