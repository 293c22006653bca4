-- Orleans' own tables and queries for the ADO.NET providers (Cluster:Provider=mysql), copied
-- verbatim below this header from the dotnet/orleans repository, release tag v10.2.2
-- (commit a575888773a3b01b079c9c3720bb1553c3169997), file src/AdoNet/Orleans.Clustering.AdoNet/Migrations/MySQL-Clustering-3.7.0.sql.
-- Why that release: Orleans ships these scripts outside its NuGet packages, and they must match
-- the provider DLLs we run (10.4.2). The copy of the repository we took them from has no v10.4.2
-- tag; v10.2.2 is its newest release. The 10.4.2 DLLs ask for exactly the query keys these
-- scripts define (checked in the DLLs), with no cron columns: later reminder scripts add those,
-- and 10.4.2 fails every reminder registration against them.
-- The DELIMITER lines are the mysql client's syntax; the migrator (MySqlScriptBatches) honours them.
--
-- Copyright (c) .NET Foundation. Licensed under the MIT License:
--
-- The MIT License (MIT)
--
-- Copyright (c) .NET Foundation
--
-- Permission is hereby granted, free of charge, to any person obtaining a copy
-- of this software and associated documentation files (the "Software"), to deal
-- in the Software without restriction, including without limitation the rights
-- to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
-- copies of the Software, and to permit persons to whom the Software is
-- furnished to do so, subject to the following conditions:
--
-- The above copyright notice and this permission notice shall be included in all
-- copies or substantial portions of the Software.
--
-- THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
-- IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
-- FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
-- AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
-- LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
-- OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
-- SOFTWARE.
--

INSERT INTO OrleansQuery(QueryKey, QueryText)
VALUES
(
    'CleanupDefunctSiloEntriesKey','
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
        AND @DeploymentId IS NOT NULL
        AND IAmAliveTime < @IAmAliveTime
        AND Status !=3;
');
