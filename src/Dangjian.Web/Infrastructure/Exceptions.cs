namespace Dangjian.Web.Infrastructure;

/// <summary>The caller's scope does not reach the record (ORG-5): answered 403.</summary>
public sealed class ScopeRefusedException : Exception
{
    public ScopeRefusedException()
        : base("Outside the caller's scope.")
    {
    }

    public ScopeRefusedException(string message)
        : base(message)
    {
    }

    public ScopeRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>No such record: answered 404.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string entity, object id)
        : base($"No {entity} {id}.")
    {
        Entity = entity;
    }

    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public string Entity { get; } = string.Empty;
}

/// <summary>
/// Someone else changed the record since it was read (the version the caller sent is not the stored one): answered 409,
/// and a page reloads the record. Pages receive this, never EF Core's exception (PageOperations maps it).
/// </summary>
public sealed class ConflictException : Exception
{
    public ConflictException()
        : base("The record was changed by someone else.")
    {
    }

    public ConflictException(string message)
        : base(message)
    {
    }

    public ConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>A save collided with a row that already exists (a unique key): answered 409. Pages receive this, never EF Core's exception.</summary>
public sealed class DuplicateException : Exception
{
    public DuplicateException()
        : base("The record already exists.")
    {
    }

    public DuplicateException(string message)
        : base(message)
    {
    }

    public DuplicateException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
