using Leadwise.Scoring.Signals;

namespace Leadwise.Scoring.Tests.Signals;

public sealed class EmailClassifierTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Classify_no_address_as_missing(string? email)
    {
        // Given / When / Then
        Assert.Equal(EmailKind.Missing, EmailClassifier.Classify(email));
    }

    [Theory]
    [InlineData("anna")]
    [InlineData("anna@")]
    [InlineData("@acme.de")]
    [InlineData("anna@acme")]
    [InlineData("anna@@acme.de")]
    [InlineData("anna@bob@acme.de")]
    [InlineData("anna schmidt@acme.de")]
    [InlineData("anna@ac me.de")]
    [InlineData("anna.@acme.de")]
    [InlineData(".anna@acme.de")]
    [InlineData("anna..schmidt@acme.de")]
    [InlineData("anna@acme..de")]
    [InlineData("anna@.acme.de")]
    [InlineData("anna@acme.de.")]
    [InlineData("anna@-acme.de")]
    [InlineData("anna@acme-.de")]
    [InlineData("anna@acme.d")]
    [InlineData("anna@acme.123")]
    [InlineData("anna@[192.168.0.1]")]
    [InlineData("anna(at)acme.de")]
    [InlineData("anna@acme_corp.de")]
    [InlineData("\"anna\"@acme.de")]
    public void Classify_malformed_addresses_as_invalid(string email)
    {
        // Given / When / Then
        Assert.Equal(EmailKind.Invalid, EmailClassifier.Classify(email));
    }

    [Theory]
    [InlineData("test@test.com")]
    [InlineData("TEST@TEST.COM")]
    [InlineData("anna@test.com")]
    [InlineData("testmail")]
    [InlineData("test")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("n/a")]
    [InlineData("none")]
    [InlineData("test@example.com")]
    [InlineData("anna@example.com")]
    [InlineData("anna@example.org")]
    [InlineData("anna@example.net")]
    [InlineData("anna@mail.example.com")]
    [InlineData("anna@acme.test")]
    [InlineData("anna@acme.invalid")]
    [InlineData("anna@host.localhost")]
    [InlineData("test@acme.de")]
    [InlineData("test123@gmail.com")]
    [InlineData("testuser@web.de")]
    [InlineData("dummy@acme.de")]
    public void Classify_test_addresses_and_placeholders_as_test(string email)
    {
        // Given / When / Then
        Assert.Equal(EmailKind.Test, EmailClassifier.Classify(email));
    }

    [Theory]
    [InlineData("anna@mailinator.com")]
    [InlineData("anna@MAILINATOR.COM")]
    [InlineData("anna@random.mailinator.com")]
    [InlineData("x1@guerrillamail.com")]
    [InlineData("x1@sharklasers.com")]
    [InlineData("anna@10minutemail.com")]
    [InlineData("anna@yopmail.com")]
    [InlineData("anna@yopmail.fr")]
    [InlineData("anna@trashmail.com")]
    [InlineData("anna@trashmail.de")]
    [InlineData("anna@tempmail.net")]
    [InlineData("anna@temp-mail.org")]
    [InlineData("anna@wegwerfmail.de")]
    [InlineData("anna@maildrop.cc")]
    [InlineData("anna@dispostable.com")]
    [InlineData("anna@getnada.com")]
    public void Classify_throwaway_domains_as_disposable(string email)
    {
        // Given / When / Then
        Assert.Equal(EmailKind.Disposable, EmailClassifier.Classify(email));
    }

    [Theory]
    [InlineData("anna@gmail.com")]
    [InlineData("Anna.Schmidt@GMail.com")]
    [InlineData("anna@googlemail.com")]
    [InlineData("anna@yahoo.com")]
    [InlineData("anna@yahoo.de")]
    [InlineData("anna@yahoo.co.uk")]
    [InlineData("anna@yahoo.com.br")]
    [InlineData("anna@hotmail.com")]
    [InlineData("anna@hotmail.de")]
    [InlineData("anna@outlook.com")]
    [InlineData("anna@outlook.de")]
    [InlineData("anna@live.de")]
    [InlineData("anna@gmx.de")]
    [InlineData("anna@gmx.net")]
    [InlineData("anna@gmx.at")]
    [InlineData("anna@gmx.ch")]
    [InlineData("anna@web.de")]
    [InlineData("anna@t-online.de")]
    [InlineData("anna@freenet.de")]
    [InlineData("anna@icloud.com")]
    [InlineData("anna@me.com")]
    [InlineData("anna@aol.com")]
    [InlineData("anna@proton.me")]
    [InlineData("anna@protonmail.com")]
    [InlineData("anna@mail.ru")]
    [InlineData("anna@yandex.ru")]
    [InlineData("anna@yandex.com")]
    [InlineData("anna@posteo.de")]
    [InlineData("anna@mailbox.org")]
    [InlineData("  anna@gmail.com  ")]
    public void Classify_consumer_providers_as_free_mail(string email)
    {
        // Given / When / Then
        Assert.Equal(EmailKind.FreeMail, EmailClassifier.Classify(email));
    }

    [Theory]
    [InlineData("anna.schmidt@acme.de")]
    [InlineData("a.mueller@siemens.com")]
    [InlineData("anna+leads@acme.co.uk")]
    [InlineData("o'neil@acme.ie")]
    [InlineData("jürgen@müller-gmbh.de")]
    [InlineData("info@xn--mller-kva.de")]
    [InlineData("anna@sub.acme.com")]
    [InlineData("anna@gmail.acme.com")]
    [InlineData("anna@yahoo.acme.com")]
    [InlineData("anna@outlook-consulting.de")]
    [InlineData("anna@mailinator-fans.de")]
    [InlineData("anna@testo.com")]
    [InlineData("contest@acme.de")]
    [InlineData("tester.anna@acme.de")]
    [InlineData("anna@example-gmbh.de")]
    [InlineData("anna@test.de")]
    [InlineData("anna@a1.de")]
    public void Classify_company_domains_as_corporate(string email)
    {
        // Given an address at an ordinary company domain, including look-alikes of listed ones
        // When / Then
        Assert.Equal(EmailKind.Corporate, EmailClassifier.Classify(email));
    }

    [Theory]
    [InlineData("Anna@ACME.de", "acme.de")]
    [InlineData("  anna@Mail.Example.COM ", "mail.example.com")]
    [InlineData("anna@gmail.com", "gmail.com")]
    [InlineData("jürgen@MÜLLER.de", "müller.de")]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("anna", null)]
    [InlineData("anna@", null)]
    [InlineData("anna@acme", null)]
    [InlineData("a@b@acme.de", null)]
    public void Domain_is_the_lower_case_domain_of_a_valid_address(string? email, string? expected)
    {
        // Given / When / Then
        Assert.Equal(expected, EmailClassifier.Domain(email));
    }

    [Fact]
    public void Embedded_lists_are_loaded_with_their_documented_sizes()
    {
        // Given the embedded lists
        // When they are counted
        // Then the disposable list holds at least 150 domains and the free-mail list at least 100 entries
        Assert.True(EmailDomainLists.DisposableCount >= 150, $"disposable: {EmailDomainLists.DisposableCount}");
        Assert.True(EmailDomainLists.FreeMailCount >= 100, $"free mail: {EmailDomainLists.FreeMailCount}");
    }
}
