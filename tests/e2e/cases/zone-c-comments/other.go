/* $ echo go
   go
*/
