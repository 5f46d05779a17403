using Leadwise.Scoring.Signals;

namespace Leadwise.Scoring.Tests.Signals;

public sealed class TitleSeniorityTests
{
    [Theory]
    [InlineData("CEO")]
    [InlineData("ceo")]
    [InlineData("CTO")]
    [InlineData("CFO")]
    [InlineData("COO")]
    [InlineData("CMO")]
    [InlineData("Founder")]
    [InlineData("Co-Founder")]
    [InlineData("Cofounder")]
    [InlineData("Owner")]
    [InlineData("Co-Owner")]
    [InlineData("Managing Director")]
    [InlineData("President")]
    [InlineData("Partner")]
    [InlineData("Managing Partner")]
    [InlineData("Partner at KPMG")]
    [InlineData("Geschäftsführer")]
    [InlineData("Geschäftsführerin")]
    [InlineData("GESCHÄFTSFÜHRER")]
    [InlineData("Geschaeftsfuehrer")]
    [InlineData("Geschäftsführer*in")]
    [InlineData("Geschäftsführender Gesellschafter")]
    [InlineData("Technischer Geschäftsführer")]
    [InlineData("Mitglied der Geschäftsleitung")]
    [InlineData("Inhaber")]
    [InlineData("Inhaberin")]
    [InlineData("Mitinhaberin")]
    [InlineData("Vorstand")]
    [InlineData("Finanzvorstand")]
    [InlineData("Vorstandsvorsitzender")]
    [InlineData("Gründer")]
    [InlineData("Gründerin")]
    [InlineData("Mitgründerin")]
    [InlineData("CEO & Founder")]
    [InlineData("Founder & Developer")]
    [InlineData("Founder | Student at TUM")]
    [InlineData("Chief Executive Officer")]
    [InlineData("Chief Revenue Officer")]
    [InlineData("Chairman of the Board")]
    [InlineData("Board Member")]
    [InlineData("Unternehmer")]
    [InlineData("Präsidentin")]
    public void Classify_executive_titles_as_executive(string title)
    {
        // Given a title naming the top of a company
        // When it is classified
        var seniority = TitleSeniority.Classify(title);

        // Then it is Executive
        Assert.Equal(Seniority.Executive, seniority);
    }

    [Theory]
    [InlineData("Director")]
    [InlineData("Director of Engineering")]
    [InlineData("Senior Director Marketing")]
    [InlineData("Executive Director")]
    [InlineData("VP Sales")]
    [InlineData("Vice President")]
    [InlineData("Vice-President Engineering")]
    [InlineData("SVP Operations")]
    [InlineData("Executive Vice President")]
    [InlineData("Head of Sales DACH")]
    [InlineData("head of marketing")]
    [InlineData("Head of Lead Generation")]
    [InlineData("Head of Student Affairs")]
    [InlineData("Leiter Vertrieb")]
    [InlineData("Leiterin Marketing")]
    [InlineData("Leiter/in Einkauf")]
    [InlineData("Bereichsleiter")]
    [InlineData("Abteilungsleiterin IT")]
    [InlineData("Vertriebsleitung")]
    [InlineData("Kaufmännischer Leiter")]
    [InlineData("Direktorin")]
    [InlineData("Vizepräsident")]
    [InlineData("Prokurist")]
    [InlineData("Prokuristin")]
    [InlineData("Chief of Staff")]
    [InlineData("General Manager")]
    public void Classify_director_titles_as_director(string title)
    {
        // Given a title heading a function
        // When it is classified
        var seniority = TitleSeniority.Classify(title);

        // Then it is Director
        Assert.Equal(Seniority.Director, seniority);
    }

    [Theory]
    [InlineData("Manager")]
    [InlineData("Marketing Manager")]
    [InlineData("Senior Manager")]
    [InlineData("Engineering Manager")]
    [InlineData("Produktmanagerin")]
    [InlineData("Team Lead")]
    [InlineData("Tech Lead")]
    [InlineData("Lead Developer")]
    [InlineData("Teamleiter")]
    [InlineData("Teamleiterin Buchhaltung")]
    [InlineData("Teamleitung Support")]
    [InlineData("Projektleiter")]
    [InlineData("Gruppenleiterin")]
    [InlineData("Supervisor")]
    [InlineData("Partner Manager")]
    [InlineData("Lead Generation Manager")]
    public void Classify_manager_titles_as_manager(string title)
    {
        // Given a title leading a team
        // When it is classified
        var seniority = TitleSeniority.Classify(title);

        // Then it is Manager
        Assert.Equal(Seniority.Manager, seniority);
    }

    [Theory]
    [InlineData("Senior Software Engineer")]
    [InlineData("senior consultant")]
    [InlineData("Sr. Developer")]
    [InlineData("Principal Engineer")]
    [InlineData("Principal Consultant")]
    [InlineData("Staff Engineer")]
    [InlineData("Staff Software Engineer")]
    [InlineData("Senior Berater")]
    [InlineData("Solution Architect")]
    [InlineData("Softwarearchitektin")]
    [InlineData("Leitender Ingenieur")]
    public void Classify_senior_titles_as_senior(string title)
    {
        // Given a title of a senior individual contributor
        // When it is classified
        var seniority = TitleSeniority.Classify(title);

        // Then it is Senior
        Assert.Equal(Seniority.Senior, seniority);
    }

    [Theory]
    [InlineData("Software Engineer")]
    [InlineData("Developer")]
    [InlineData("Softwareentwickler")]
    [InlineData("Softwareentwicklerin (m/w/d)")]
    [InlineData("Consultant")]
    [InlineData("Unternehmensberaterin")]
    [InlineData("IT-Berater")]
    [InlineData("Specialist")]
    [InlineData("Referent")]
    [InlineData("Referentin Marketing")]
    [InlineData("Sachbearbeiter")]
    [InlineData("Sachbearbeiterin Einkauf")]
    [InlineData("Analyst")]
    [InlineData("Associate")]
    [InlineData("Account Executive")]
    [InlineData("Junior Developer")]
    [InlineData("Product Owner")]
    [InlineData("Lead Generation Specialist")]
    [InlineData("Industriekauffrau")]
    [InlineData("Vertriebsmitarbeiter")]
    [InlineData("Assistant to the CEO")]
    [InlineData("Executive Assistant")]
    [InlineData("Assistenz der Geschäftsführung")]
    [InlineData("Assistentin der Geschäftsleitung")]
    [InlineData("Vorstandsassistentin")]
    [InlineData("Geschäftsführungsassistenz")]
    [InlineData("Referent der Geschäftsführung")]
    [InlineData("Secretary to the Managing Director")]
    [InlineData("Marketing Officer")]
    public void Classify_individual_contributors_as_individual(string title)
    {
        // Given a title of an individual contributor, or of someone supporting an executive
        // When it is classified
        var seniority = TitleSeniority.Classify(title);

        // Then it is Individual
        Assert.Equal(Seniority.Individual, seniority);
    }

    [Theory]
    [InlineData("Student")]
    [InlineData("Werkstudent")]
    [InlineData("Werkstudentin Marketing")]
    [InlineData("Praktikant")]
    [InlineData("Praktikantin Vertrieb")]
    [InlineData("Intern")]
    [InlineData("Software Engineering Intern")]
    [InlineData("Marketing Intern")]
    [InlineData("Trainee")]
    [InlineData("Azubi")]
    [InlineData("Auszubildende")]
    [InlineData("Auszubildender zum Industriekaufmann")]
    [InlineData("Masterstudentin")]
    [InlineData("Dualer Student")]
    [InlineData("Studentische Hilfskraft Assistenz")]
    [InlineData("Student Assistant")]
    public void Classify_students_and_trainees_as_student(string title)
    {
        // Given a title of someone still learning
        // When it is classified
        var seniority = TitleSeniority.Classify(title);

        // Then it is Student
        Assert.Equal(Seniority.Student, seniority);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("n/a")]
    [InlineData("Marketing")]
    [InlineData("Sales DACH")]
    [InlineData("Partnership")]
    public void Classify_titles_without_a_role_word_as_unknown(string? title)
    {
        // Given no title, a placeholder, or no recognised role word
        // When it is classified
        var seniority = TitleSeniority.Classify(title);

        // Then it is Unknown
        Assert.Equal(Seniority.Unknown, seniority);
    }

    [Fact]
    public void Classify_reads_only_the_first_32_words_of_a_very_long_title()
    {
        // Given a title with 40 filler words before a role word
        var title = string.Join(' ', Enumerable.Repeat("Sales", 40)) + " CEO";

        // When it is classified
        var seniority = TitleSeniority.Classify(title);

        // Then the role word past the limit is not read
        Assert.Equal(Seniority.Unknown, seniority);
    }
}
